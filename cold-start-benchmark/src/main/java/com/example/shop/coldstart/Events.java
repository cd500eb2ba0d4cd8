package com.example.shop.coldstart;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Recorded events as the JSON Lambda would deliver, and fresh copies of them for each replay.
 *
 * <p>Serialized with the runtime's own serialization library (the one that deserializes them in
 * the measured JVM), so what goes in is what the handler would get. A replay gets fresh delivery
 * ids: the SQS message id and the EventBridge/SNS envelope id inside the body, the stream record's
 * event id, the HTTP request id and idempotency key. Without that every replay after the first
 * would stop at the consumer's duplicate check; with it each one is a new delivery of the same
 * business fact (which the domain may still recognise, e.g. an order already cancelled).
 */
final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** The event as the Lambda runtime would hand it over: bytes of JSON. */
    @SuppressWarnings("unchecked")
    static String toJson(Object event) {
        Class<Object> type = (Class<Object>) event.getClass();
        PojoSerializer<Object> serializer = LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(event, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A copy of a recorded event with fresh delivery ids. */
    static String withFreshIds(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode records = root.path("Records");
            if (records.isMissingNode()) {
                records = root.path("records");
            }
            for (JsonNode record : records) {
                if (record instanceof ObjectNode r) {
                    if (r.has("messageId")) {
                        r.put("messageId", uuid());
                    }
                    if (r.has("eventID")) {
                        r.put("eventID", uuid());
                    }
                    if (r.path("body").isTextual()) {
                        r.put("body", freshEnvelope(r.get("body").asText()));
                    }
                }
            }
            if (root.path("requestContext") instanceof ObjectNode context && context.has("requestId")) {
                context.put("requestId", uuid());
            }
            if (root.path("headers") instanceof ObjectNode headers && headers.has("idempotency-key")) {
                headers.put("idempotency-key", uuid());
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded event is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** An EventBridge envelope (or an SNS notification around one) with a new id. */
    private static String freshEnvelope(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (!(node instanceof ObjectNode envelope)) {
                return body;
            }
            if (envelope.has("detail-type") && envelope.has("id")) {
                envelope.put("id", uuid());
            }
            if (envelope.has("MessageId")) {
                envelope.put("MessageId", uuid());
                if (envelope.path("Message").isTextual()) {
                    envelope.put("Message", freshEnvelope(envelope.get("Message").asText()));
                }
            }
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException notJson) {
            return body;
        }
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
