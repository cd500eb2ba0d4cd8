package com.example.shop.localcloud.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One MiniStack server, the local cloud's lighter AWS emulator, running as a plain child process
 * (no Docker) on a free loopback port.
 *
 * <p>MiniStack pins its own botocore, older than the one moto needs, so it lives in a venv of its
 * own: {@code .local-cloud/venv-ministack}, installed on first use from
 * {@code infra/local/requirements-ministack.txt}. It is told the local cloud's region and account
 * ({@link AwsClients#REGION}, {@link AwsClients#ACCOUNT_ID}), so ARNs read the same as on moto.
 * Admin and inspection endpoints: {@code GET /_ministack/health}, {@code POST /_ministack/reset},
 * {@code GET /_ministack/ses/messages}. Output goes to {@code .local-cloud/ministack-<port>.log}.
 */
public final class MiniStackServer implements Emulator {

    /** The pins of MiniStack's own venv, relative to the project root. */
    public static final Path REQUIREMENTS = Path.of("infra", "local", "requirements-ministack.txt");
    /** MiniStack's venv, beside moto's under {@code .local-cloud}. */
    public static final String VENV = "venv-ministack";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI endpoint;
    private final Path logFile;
    private final HttpClient http;
    private final Thread shutdownHook;

    private MiniStackServer(Process process, int port, Path logFile, HttpClient http) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.logFile = logFile;
        this.http = http;
        this.shutdownHook = new Thread(() -> EmulatorProcess.stop(process), "ministack-" + port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts MiniStack from its venv beside the project's (creating it on first use). */
    public static MiniStackServer start() {
        return start(PythonEnvironment.locate().companion(VENV, REQUIREMENTS));
    }

    /** Starts MiniStack from {@code venv} and returns once it reports healthy. */
    public static MiniStackServer start(PythonEnvironment venv) {
        Path ministack = venv.executable("ministack");
        return EmulatorProcess.start("ministack", venv.home(), new EmulatorProcess.Launch() {
            @Override
            public List<String> command(int port) {
                return List.of(ministack.toString());
            }

            @Override
            public Map<String, String> environment(int port) {
                return Map.of("BIND_HOST", "127.0.0.1",
                        "GATEWAY_PORT", Integer.toString(port),
                        "MINISTACK_REGION", AwsClients.REGION.id(),
                        "MINISTACK_ACCOUNT_ID", AwsClients.ACCOUNT_ID,
                        "LOG_LEVEL", "WARNING");
            }
        }, "/_ministack/health", MiniStackServer::new);
    }

    @Override
    public String name() {
        return "ministack";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** Where the server's own output goes, for diagnosing an emulator error. */
    public Path logFile() {
        return logFile;
    }

    /** Whether the process is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Wipes every service's state ({@code POST /_ministack/reset}, about 0.2 s). */
    @Override
    public void reset() {
        EmulatorProcess.post("MiniStack reset", http, endpoint.resolve("/_ministack/reset"), logFile);
    }

    /** The e-mails MiniStack's SES accepted ({@code GET /_ministack/ses/messages}), across accounts. */
    @Override
    public List<SentEmail> sentEmails() {
        String body = EmulatorProcess.get("MiniStack SES messages", http,
                endpoint.resolve("/_ministack/ses/messages"), logFile);
        List<SentEmail> mails = new ArrayList<>();
        try {
            for (JsonNode account : JSON.readTree(body).path("messages")) {
                for (JsonNode message : account) {
                    List<String> to = new ArrayList<>();
                    for (String field : List.of("To", "CC", "BCC")) {
                        message.path(field).forEach(address -> to.add(address.asText()));
                    }
                    mails.add(new SentEmail(message.path("Source").asText(), to, message.path("Subject").asText(),
                            message.path("BodyText").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("MiniStack's SES messages are not JSON", e);
        }
        return mails;
    }

    /** Stops the server: a polite signal first, then forcibly if it has not ended in a few seconds. */
    @Override
    public void close() {
        EmulatorProcess.stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to unregister
        }
        http.close();
    }

    @Override
    public String toString() {
        return "MiniStackServer[" + endpoint + "]";
    }
}
