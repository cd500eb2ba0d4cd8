package com.example.shop.shipping.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ShipmentFailed;

import java.util.Objects;

/**
 * A paid order whose parcel no carrier would take, recorded with the identity its
 * {@code ShipmentFailed} was announced under, so a redelivery announces the same failure.
 *
 * @param orderId the order that cannot be shipped
 * @param customerId who placed it
 * @param reason the carrier's refusal, in words the customer can be told
 * @param announcement the id and time {@code ShipmentFailed} was announced under
 */
public record FailedShipment(String orderId, String customerId, String reason, Announcement announcement)
        implements ShippingRecord {

    public FailedShipment {
        Fields.requireText(orderId, "orderId");
        Fields.requireText(customerId, "customerId");
        Fields.requireText(reason, "reason");
        Objects.requireNonNull(announcement, "announcement");
    }

    /** The fact this refusal announces. */
    public ShipmentFailed fact() {
        return new ShipmentFailed(orderId, customerId, reason);
    }

    /** The fact, announced under the stored identity, in reply to {@code cause}. */
    public EventEnvelope<ShipmentFailed> announcedInReplyTo(EventEnvelope<?> cause) {
        return EventEnvelope.causedBy(cause, fact(), announcement);
    }
}
