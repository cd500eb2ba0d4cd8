package com.example.shop.events;

/**
 * A parcel booked for an order that was then cancelled was withdrawn from the carrier before
 * dispatch: the compensation of {@link ShipmentScheduled}.
 *
 * @param orderId the cancelled order
 * @param customerId the customer who placed it
 * @param shipmentId the withdrawn shipment
 * @param carrier the carrier the booking was withdrawn from
 */
public record ShipmentCancelled(String orderId, String customerId, String shipmentId, String carrier)
        implements ShippingEvent {

    public ShipmentCancelled {
        Checks.orderScoped(orderId, customerId);
        Checks.nonBlank(shipmentId, "shipmentId");
        Checks.nonBlank(carrier, "carrier");
    }
}
