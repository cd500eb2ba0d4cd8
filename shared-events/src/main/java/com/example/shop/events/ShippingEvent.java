package com.example.shop.events;

/**
 * A fact announced by the shipping service: a parcel was booked with a carrier.
 */
public sealed interface ShippingEvent extends DomainEvent, OrderScoped permits ShipmentScheduled {

    /** The EventBridge {@code source} of every ShippingEvent. */
    String SOURCE = "shop.shipping";

    @Override
    default String source() {
        return SOURCE;
    }
}
