package com.example.shop.events;

import java.time.LocalDate;

/**
 * Shipping booked a parcel for a paid order with a carrier: the last step of the happy path.
 *
 * @param orderId the shipped order
 * @param customerId the customer who receives it
 * @param shipmentId the shipping service's id of the parcel
 * @param carrier the carrier that will deliver it
 * @param trackingNumber the carrier's tracking number
 * @param estimatedDelivery the day the carrier expects to deliver
 */
public record ShipmentScheduled(
        String orderId,
        String customerId,
        String shipmentId,
        String carrier,
        String trackingNumber,
        LocalDate estimatedDelivery) implements ShippingEvent {

    public ShipmentScheduled {
        Checks.orderScoped(orderId, customerId);
        Checks.nonBlank(shipmentId, "shipmentId");
        Checks.nonBlank(carrier, "carrier");
        Checks.nonBlank(trackingNumber, "trackingNumber");
        Checks.present(estimatedDelivery, "estimatedDelivery");
    }
}
