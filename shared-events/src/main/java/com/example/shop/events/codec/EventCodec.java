package com.example.shop.events.codec;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventMetadata;
import com.example.shop.events.EventTypes;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one translator between event envelopes and their JSON form on the wire.
 *
 * <p>Writing produces the EventBridge {@code detail}: {@code {"metadata": {...}, "data": {...}}}
 * with ISO-8601 timestamps and dates. Reading accepts every shape in which the shop delivers an
 * event to a consumer:
 * <ul>
 *   <li>an EventBridge event as an EventBridge rule puts it in an SQS message body, with the
 *       detail inside (fields EventBridge adds or omits, such as {@code account}, are not needed);</li>
 *   <li>an SNS notification ({@code "Type": "Notification"}) whose {@code Message} holds either
 *       of the other shapes, or a raw-delivered SNS message, which is the shape itself;</li>
 *   <li>a bare detail.</li>
 * </ul>
 *
 * <p>Reading is forward compatible: an unknown type or version gives {@link Optional#empty()}
 * (the consumer skips it) and unknown fields are ignored. Anything else that cannot be read
 * raises {@link EventFormatException}, so the message is retried and lands in a DLQ rather than
 * vanishing.
 *
 * <p>Build one instance at init and share it; it is thread-safe.
 */
public final class EventCodec {

    private static final int MAX_NESTING = 3;

    private final JsonMapper mapper = JsonMapper.builder()
            .addModule(TimeJson.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    /** Creates a codec; its JSON mapper is configured once, here. */
    public EventCodec() {
    }

    /** The EventBridge {@code detail} JSON of an envelope. */
    public String toDetail(EventEnvelope<?> envelope) {
        if (envelope == null) {
            throw new IllegalArgumentException("envelope must not be null");
        }
        ObjectNode detail = mapper.createObjectNode();
        detail.set("metadata", mapper.valueToTree(envelope.metadata()));
        detail.set("data", mapper.valueToTree(envelope.data()));
        try {
            return mapper.writeValueAsString(detail);
        } catch (JacksonException e) {
            throw new EventFormatException("could not write " + envelope.metadata().eventType()
                    + " " + envelope.eventId() + " as JSON", e);
        }
    }

    /**
     * Reads an event from any delivery shape: EventBridge-in-SQS, SNS (wrapped or raw), or a bare
     * detail.
     *
     * @return the event, or empty when its type or version is unknown to this build
     * @throws EventFormatException when the text is not JSON, not a recognised shape, or a known
     *         event that breaks its contract
     */
    public Optional<EventEnvelope<DomainEvent>> read(String json) {
        return readAnyShape(parse(json, "message"), 0);
    }

    /**
     * Reads a bare detail, {@code {"metadata": {...}, "data": {...}}}, and nothing else.
     *
     * @return the event, or empty when its type or version is unknown to this build
     * @throws EventFormatException when the text is not JSON or not a valid detail
     */
    public Optional<EventEnvelope<DomainEvent>> readDetail(String detailJson) {
        return readDetailNode(parse(detailJson, "detail"));
    }

    /**
     * Reads a detail that a library has already parsed into a map, such as the {@code detail} of
     * an {@code aws-lambda-java-events} EventBridge event.
     *
     * @return the event, or empty when its type or version is unknown to this build
     * @throws EventFormatException when the map is not a valid detail
     */
    public Optional<EventEnvelope<DomainEvent>> readDetail(Map<String, ?> detail) {
        if (detail == null) {
            throw new EventFormatException("detail must not be null");
        }
        return readDetailNode(mapper.valueToTree(detail));
    }

    private JsonNode parse(String json, String what) {
        if (json == null || json.isBlank()) {
            throw new EventFormatException(what + " is empty");
        }
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw new EventFormatException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private Optional<EventEnvelope<DomainEvent>> readAnyShape(JsonNode node, int depth) {
        if (!node.isObject()) {
            throw new EventFormatException("message must be a JSON object but was " + node.getNodeType());
        }
        if (isSnsNotification(node)) {
            if (depth >= MAX_NESTING) {
                throw new EventFormatException("message nests notifications more than " + MAX_NESTING + " deep");
            }
            return readAnyShape(parse(node.get("Message").asText(), "SNS Message"), depth + 1);
        }
        if (node.has("detail-type") && node.has("detail")) {
            return readEventBridgeEvent(node);
        }
        if (node.has("metadata")) {
            return readDetailNode(node);
        }
        throw new EventFormatException("message is neither an EventBridge event, an SNS notification nor an "
                + "event detail (top-level fields: " + fieldNames(node) + ")");
    }

    private static boolean isSnsNotification(JsonNode node) {
        return "Notification".equals(node.path("Type").asText(null)) && node.path("Message").isTextual();
    }

    private Optional<EventEnvelope<DomainEvent>> readEventBridgeEvent(JsonNode event) {
        String detailType = event.path("detail-type").asText("");
        if (!EventTypes.isKnown(detailType)) {
            return Optional.empty();
        }
        Optional<EventEnvelope<DomainEvent>> envelope = readDetailNode(event.get("detail"));
        envelope.ifPresent(e -> {
            if (!detailType.equals(e.metadata().eventType())) {
                throw new EventFormatException("EventBridge detail-type " + detailType
                        + " disagrees with metadata.eventType " + e.metadata().eventType()
                        + " in event " + e.eventId());
            }
        });
        return envelope;
    }

    private Optional<EventEnvelope<DomainEvent>> readDetailNode(JsonNode detail) {
        if (detail == null || !detail.isObject()) {
            throw new EventFormatException("detail must be a JSON object");
        }
        JsonNode metadataNode = detail.get("metadata");
        if (metadataNode == null || !metadataNode.isObject()) {
            throw new EventFormatException("detail has no metadata object");
        }
        JsonNode type = metadataNode.get("eventType");
        JsonNode version = metadataNode.get("eventVersion");
        if (type == null || !type.isTextual() || version == null || !version.canConvertToInt()) {
            throw new EventFormatException("metadata must name a textual eventType and an integer eventVersion");
        }
        Optional<Class<? extends DomainEvent>> javaType = EventTypes.lookup(type.asText(), version.asInt());
        if (javaType.isEmpty()) {
            return Optional.empty();
        }
        String eventId = metadataNode.path("eventId").asText("(no eventId)");
        String what = type.asText() + " v" + version.asInt() + " " + eventId;
        JsonNode dataNode = detail.get("data");
        if (dataNode == null || !dataNode.isObject()) {
            throw new EventFormatException(what + " has no data object");
        }
        try {
            EventMetadata metadata = mapper.treeToValue(metadataNode, EventMetadata.class);
            DomainEvent data = mapper.treeToValue(dataNode, javaType.get());
            return Optional.of(new EventEnvelope<>(metadata, data));
        } catch (JacksonException e) {
            throw new EventFormatException(what + " breaks its contract: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new EventFormatException(what + " breaks its contract: " + e.getMessage(), e);
        }
    }

    private static String fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).collect(Collectors.joining(", "));
    }
}
