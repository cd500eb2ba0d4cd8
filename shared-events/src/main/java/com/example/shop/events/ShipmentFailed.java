package com.example.shop.events;

/**
 * No carrier would book the paid order's parcel (a destination it does not serve, a parcel over
 * its limits): the saga's last step failed, so payment refunds, inventory releases the stock and
 * the order ends as shipment failed.
 *
 * @param orderId the order that cannot be shipped
 * @param customerId the customer who placed it
 * @param reason why no booking was possible, in words the customer can be told
 */
public record ShipmentFailed(String orderId, String customerId, String reason) implements ShippingEvent {

    public ShipmentFailed {
        Checks.orderScoped(orderId, customerId);
        Checks.nonBlank(reason, "reason");
    }
}
