package com.example.shop.localcloud.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events published on the bus, read back from the template's event journal log group (a
 * rule delivers every {@code shop.*} event there): the same place Logs Insights looks on AWS.
 * A journal line holds an event's ids and causal chain under the paths the whole event has
 * ({@code source}, {@code detail-type}, {@code detail.metadata.*}, {@code detail.data.orderId})
 * and nothing of its data: the customer's e-mail and address stay out of the logs. A line that is
 * the whole event (a log group target without the template's input transformer) reads the same.
 *
 * <p>It calls the emulator's CloudWatch Logs {@code FilterLogEvents} API directly rather than
 * through the SDK: moto writes the timestamps of rule-delivered log events as fractional
 * milliseconds, which the SDK's strict unmarshaller rejects.
 */
public final class EventJournal {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Unsigned: the emulator only reads the service name from the credential scope. */
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/logs/aws4_request,"
            + " SignedHeaders=host, Signature=0";

    private final URI endpoint;
    private final String logGroup;
    private final HttpClient http = HttpClient.newHttpClient();

    public EventJournal(URI endpoint, String logGroup) {
        this.endpoint = endpoint;
        this.logGroup = logGroup;
    }

    /** Every journal line that mentions {@code term}, as the log group holds it. */
    public List<String> lines(String term) {
        List<String> lines = new ArrayList<>();
        eachLine(term, (message, timestamp) -> lines.add(message));
        return lines;
    }

    /** Every journalled event whose text mentions {@code term} (an order id or correlation id). */
    public List<Hop> published(String term) {
        List<Hop> hops = new ArrayList<>();
        eachLine(term, (message, timestamp) -> hopOf(message, timestamp).ifPresent(hops::add));
        return hops;
    }

    /** Every line of the log group that mentions {@code term}, page by page, with its timestamp. */
    private void eachLine(String term, java.util.function.ObjLongConsumer<String> line) {
        String token = null;
        do {
            JsonNode page = filter(term, token);
            for (JsonNode event : page.path("events")) {
                String message = event.path("message").asText();
                if (message.contains(term)) {
                    line.accept(message, (long) event.path("timestamp").asDouble());
                }
            }
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null);
    }

    private JsonNode filter(String term, String token) {
        ObjectNode body = JSON.createObjectNode().put("logGroupName", logGroup).put("filterPattern", "\"" + term + "\"");
        if (token != null) {
            body.put("nextToken", token);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("content-type", "application/x-amz-json-1.1")
                .header("x-amz-target", "Logs_20140328.FilterLogEvents")
                .header("authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("FilterLogEvents on " + logGroup + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("reading the event journal failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the event journal", e);
        }
    }

    /**
     * The publication a journal line records; empty for a line that names no event.
     *
     * @param message            the log line
     * @param journalledAtMillis the log event's timestamp
     */
    public static Optional<Hop> hopOf(String message, long journalledAtMillis) {
        JsonNode line;
        try {
            line = JSON.readTree(message);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        JsonNode metadata = line == null ? null : line.path("detail").path("metadata");
        if (metadata == null || !metadata.path("eventId").isTextual() || !metadata.path("occurredAt").isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Hop(Instant.parse(metadata.get("occurredAt").asText()), Hop.Kind.PUBLISHED,
                    line.path("source").asText(metadata.path("source").asText(null)),
                    line.path("detail-type").asText(metadata.path("eventType").asText(null)),
                    metadata.get("eventId").asText(), text(metadata.path("causationId")),
                    text(metadata.path("correlationId")), text(line.path("detail").path("data").path("orderId")), null,
                    "journalled at " + Instant.ofEpochMilli(journalledAtMillis)));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** A text value, or {@code null} for one absent or left empty (a catalog event has no order). */
    private static String text(JsonNode value) {
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
