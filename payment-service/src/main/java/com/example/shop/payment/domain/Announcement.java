package com.example.shop.payment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The identity under which a payment outcome was announced to the shop: the event id and the time
 * of the announcement, stored with the outcome so that every later redelivery announces the very
 * same event again (and downstream consumers recognise it as a duplicate).
 *
 * @param eventId the id of the announcing event
 * @param occurredAt when the outcome was recorded
 */
public record Announcement(String eventId, Instant occurredAt) {

    public Announcement {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("eventId must not be blank");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
