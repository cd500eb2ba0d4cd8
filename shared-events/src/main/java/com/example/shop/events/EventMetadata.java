package com.example.shop.events;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What every event says about itself besides its business data: its identity, its type and
 * version, when and where it happened, and which conversation and cause it belongs to.
 *
 * <p>Delivery is at least once, so consumers deduplicate on {@link #eventId()}, never on a queue
 * message id. {@link #correlationId()} stays the same along a whole saga (one order's journey);
 * {@link #causationId()} is the id of the event, command or request that directly caused this one.
 *
 * @param eventId a UUID that identifies this event across every redelivery
 * @param eventType the type name, which is also the EventBridge {@code detail-type}
 * @param eventVersion the schema version of the data, 1 or more
 * @param occurredAt when the fact happened, from the producer's injected clock
 * @param source the producing service, which is also the EventBridge {@code source}
 * @param correlationId the id shared by every event of one saga
 * @param causationId the id of the event, command or request that caused this event
 */
public record EventMetadata(
        String eventId,
        String eventType,
        int eventVersion,
        Instant occurredAt,
        String source,
        String correlationId,
        String causationId) {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public EventMetadata {
        Checks.nonBlank(eventId, "eventId");
        if (!UUID.matcher(eventId).matches()) {
            throw new IllegalArgumentException("eventId must be a UUID but was '" + eventId + "'");
        }
        Checks.nonBlank(eventType, "eventType");
        Checks.atLeast(eventVersion, 1, "eventVersion");
        Checks.present(occurredAt, "occurredAt");
        Checks.nonBlank(source, "source");
        Checks.nonBlank(correlationId, "correlationId");
        Checks.nonBlank(causationId, "causationId");
    }
}
