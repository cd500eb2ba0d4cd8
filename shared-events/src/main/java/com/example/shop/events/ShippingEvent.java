package com.example.shop.events;

/**
 * A fact announced by the shipping service: a parcel was booked with a carrier, could not be
 * booked, or was withdrawn after the order was cancelled.
 */
public sealed interface ShippingEvent extends DomainEvent, OrderScoped permits ShipmentScheduled, ShipmentFailed, ShipmentCancelled {

    /** The EventBridge {@code source} of every ShippingEvent. */
    String SOURCE = "shop.shipping";

    @Override
    default String source() {
        return SOURCE;
    }
}
