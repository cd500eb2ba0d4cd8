package com.example.shop.localcloud.emulator;

import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * LocalStack in a container, the local cloud's second backend where Docker runs. The image is
 * pinned to the last tag that starts without an auth token; {@code LOCALSTACK_AUTH_TOKEN} is
 * passed through when set.
 */
public final class LocalStackEmulator implements Emulator {

    /** The last LocalStack image that starts without an auth token. */
    public static final String IMAGE = "localstack/localstack:4.14.0";

    private final LocalStackContainer container;

    private LocalStackEmulator(LocalStackContainer container) {
        this.container = container;
    }

    public static LocalStackEmulator start() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE));
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        container.start();
        return new LocalStackEmulator(container);
    }

    @Override
    public URI endpoint() {
        return container.getEndpoint();
    }

    @Override
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(endpoint().resolve("/_localstack/state/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("LocalStack reset answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("LocalStack reset failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted resetting LocalStack", e);
        }
    }

    /** What LocalStack's SES sent, from its inspection endpoint {@code GET /_aws/ses}. */
    @Override
    public List<SentEmail> sentEmails() {
        HttpRequest request = HttpRequest.newBuilder(endpoint().resolve("/_aws/ses")).GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            JsonNode body = new ObjectMapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            List<SentEmail> mails = new ArrayList<>();
            for (JsonNode message : body.path("messages")) {
                List<String> to = new ArrayList<>();
                message.path("Destination").forEach(kind -> kind.forEach(address -> to.add(address.asText())));
                mails.add(new SentEmail(message.path("Source").asText(), to, message.path("Subject").asText(),
                        message.path("Body").toString()));
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("LocalStack's SES messages are unreadable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading LocalStack's SES messages", e);
        }
    }

    @Override
    public String name() {
        return "localstack " + IMAGE;
    }

    @Override
    public void close() {
        container.stop();
    }
}
