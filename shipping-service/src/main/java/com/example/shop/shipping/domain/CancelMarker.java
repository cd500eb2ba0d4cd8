package com.example.shop.shipping.domain;

/**
 * The cancel marker: the order was cancelled before shipping booked its parcel, and stands where
 * the shipment would be, so a late {@code PaymentCharged} finds it and books nothing. Nothing was
 * booked, so nothing is announced.
 *
 * @param orderId the cancelled order
 * @param customerId who placed it
 */
public record CancelMarker(String orderId, String customerId) implements ShippingRecord {

    public CancelMarker {
        Fields.requireText(orderId, "orderId");
        Fields.requireText(customerId, "customerId");
    }
}
