package com.example.shop.localcloud.contract;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.codec.EventCodec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A shop event as EventBridge hands it to rules and targets: the envelope EventBridge wraps around
 * a {@code PutEvents} entry, with the entry's {@code Source}, {@code DetailType}, {@code Time} and
 * {@code Detail}. The publisher fills those from the event's metadata (see
 * {@code EventBridgePublisher}), so a golden sample becomes exactly the event a consumer's rule sees.
 */
final class DeliveredEvent {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventCodec CODEC = new EventCodec();

    private DeliveredEvent() {
    }

    /** A published event, its detail written by the codec as the publisher writes it. */
    static String of(EventEnvelope<?> published) {
        try {
            return of(JSON.readTree(CODEC.toDetail(published)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the codec wrote a detail that is not JSON", e);
        }
    }

    /** The sample as its producer publishes it. */
    static String of(JsonNode sample) {
        return of(sample, GoldenSamples.source(sample), GoldenSamples.eventType(sample));
    }

    /** The sample's detail published under another {@code source} or {@code detail-type}. */
    static String of(JsonNode sample, String source, String detailType) {
        String occurredAt = sample.path("metadata").path("occurredAt").asText();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        // EventBridge assigns its own id to every entry it accepts
        event.put("id", UUID.nameUUIDFromBytes((source + detailType + occurredAt).getBytes(StandardCharsets.UTF_8))
                .toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", ACCOUNT);
        // EventBridge keeps the entry's Time to the second
        event.put("time", Instant.parse(occurredAt).truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", REGION);
        event.putArray("resources");
        event.set("detail", sample);
        return event.toString();
    }
}
