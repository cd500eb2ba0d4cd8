package com.example.shop.shipping.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ShipmentScheduled;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A parcel booked with a carrier for a paid order, and live (state {@code SCHEDULED}): at most one
 * per order.
 *
 * @param orderId the order shipped
 * @param customerId who receives it
 * @param shipmentId the shipping service's id of the parcel
 * @param carrier the carrier's name
 * @param trackingNumber the carrier's tracking number
 * @param estimatedDelivery the day the carrier expects to deliver
 * @param announcement the id and time {@code ShipmentScheduled} was announced under
 */
public record Shipment(String orderId, String customerId, String shipmentId, String carrier, String trackingNumber,
                       LocalDate estimatedDelivery, Announcement announcement) implements ShippingRecord {

    public Shipment {
        Fields.requireText(orderId, "orderId");
        Fields.requireText(customerId, "customerId");
        Fields.requireText(shipmentId, "shipmentId");
        Fields.requireText(carrier, "carrier");
        Fields.requireText(trackingNumber, "trackingNumber");
        Objects.requireNonNull(estimatedDelivery, "estimatedDelivery");
        Objects.requireNonNull(announcement, "announcement");
    }

    /** The fact this shipment announces. */
    public ShipmentScheduled fact() {
        return new ShipmentScheduled(orderId, customerId, shipmentId, carrier, trackingNumber, estimatedDelivery);
    }

    /** The fact, announced under the stored identity, in reply to {@code cause}. */
    public EventEnvelope<ShipmentScheduled> announcedInReplyTo(EventEnvelope<?> cause) {
        return EventEnvelope.causedBy(cause, fact(), announcement);
    }

    /** What to tell the carrier to take this booking back. */
    public CarrierBookings.Withdrawal withdrawal() {
        return new CarrierBookings.Withdrawal(orderId, carrier, trackingNumber);
    }

    /** The booking, withdrawn after the order was cancelled, announced under {@code announcement}. */
    public CancelledShipment cancelled(Announcement cancellation) {
        return new CancelledShipment(this, cancellation);
    }
}
