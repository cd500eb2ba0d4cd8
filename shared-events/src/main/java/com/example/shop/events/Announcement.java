package com.example.shop.events;

import java.time.Instant;

/**
 * The identity under which a fact is announced: its event id and the time it happened.
 *
 * <p>A service that reacts to an event stores the announcement together with the state change
 * (in the same conditional write). A redelivery, or another trigger of the same outcome, then
 * announces exactly the same event again, same id and same time, and downstream consumers drop
 * the duplicate.
 *
 * @param eventId the id of the announcing event
 * @param occurredAt when the fact happened
 */
public record Announcement(String eventId, Instant occurredAt) {

    public Announcement {
        Checks.nonBlank(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
    }

    /**
     * The announcement of a {@code type} fact decided now in reaction to {@code cause}: its id is
     * derived from the cause ({@link EventIds}), so a retry of the same cause decides the same id.
     */
    public static Announcement causedBy(EventEnvelope<?> cause, Class<? extends DomainEvent> type, Instant now) {
        Checks.present(cause, "cause");
        return new Announcement(EventIds.derive(cause.eventId(), type), now);
    }
}
