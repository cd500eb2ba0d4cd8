package com.example.shop.shipping.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The identity under which a shipment was announced: stored with it, so a redelivery announces
 * exactly the same event again and downstream consumers recognise the duplicate.
 *
 * @param eventId the id of the announcing event
 * @param occurredAt when the shipment was booked
 */
public record Announcement(String eventId, Instant occurredAt) {

    public Announcement {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("eventId must not be blank");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
