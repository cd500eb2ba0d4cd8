package com.example.shop.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The one rule for the id of an event that another event (or a recorded change) caused: a
 * name-based UUID of the cause's id and the new event's type.
 *
 * <p>Delivery is at least once, so a consumer may handle the same cause twice (a crash between
 * its write and its acknowledgement, a publish that failed). Because the id is computed, not
 * drawn, the second attempt announces the very same event id, and every downstream consumer
 * recognises the repeat. Every service derives its event ids here; only an event that starts a
 * chain (a customer's HTTP request) takes a fresh id from an {@link IdGenerator}.
 */
public final class EventIds {

    private EventIds() {
    }

    /**
     * The id of the {@code eventType} event caused by {@code causeId}: the same inputs always give
     * the same UUID.
     *
     * @param causeId the causing event's id, or another stable name of the cause (for example a
     *                product and its version)
     * @param eventType the announced event's type, its EventBridge {@code detail-type}
     */
    public static String derive(String causeId, String eventType) {
        Checks.nonBlank(causeId, "causeId");
        Checks.nonBlank(eventType, "eventType");
        return UUID.nameUUIDFromBytes((causeId + "|" + eventType).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The id of an event of {@code type} caused by {@code causeId}. */
    public static String derive(String causeId, Class<? extends DomainEvent> type) {
        return derive(causeId, EventTypes.eventTypeOf(type));
    }
}
