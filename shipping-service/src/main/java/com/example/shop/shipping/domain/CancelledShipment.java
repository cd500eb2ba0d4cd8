package com.example.shop.shipping.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ShipmentCancelled;

import java.util.Objects;

/**
 * A booked parcel withdrawn from its carrier because the order was cancelled: no live shipment
 * remains. It keeps the withdrawn booking and the identity its {@code ShipmentCancelled} was
 * announced under, so a redelivered cancellation announces the same event.
 *
 * @param withdrawn the booking as it was scheduled
 * @param announcement the id and time {@code ShipmentCancelled} was announced under
 */
public record CancelledShipment(Shipment withdrawn, Announcement announcement) implements ShippingRecord {

    public CancelledShipment {
        Objects.requireNonNull(withdrawn, "withdrawn");
        Objects.requireNonNull(announcement, "announcement");
    }

    @Override
    public String orderId() {
        return withdrawn.orderId();
    }

    @Override
    public String customerId() {
        return withdrawn.customerId();
    }

    /** The fact this withdrawal announces: the compensation of {@code ShipmentScheduled}. */
    public ShipmentCancelled fact() {
        return new ShipmentCancelled(withdrawn.orderId(), withdrawn.customerId(), withdrawn.shipmentId(),
                withdrawn.carrier());
    }

    /** The fact, announced under the stored identity, in reply to {@code cause}. */
    public EventEnvelope<ShipmentCancelled> announcedInReplyTo(EventEnvelope<?> cause) {
        return EventEnvelope.causedBy(cause, fact(), announcement);
    }
}
