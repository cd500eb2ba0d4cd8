package com.example.shop.events;

/**
 * Payment charged the customer for an order; shipping may now book a parcel.
 *
 * @param orderId the paid order
 * @param customerId the customer who was charged
 * @param paymentId the payment provider's id of the charge
 * @param amount the amount charged
 * @param shippingAddress where the parcel goes, forwarded for shipping
 */
public record PaymentCharged(
        String orderId, String customerId, String paymentId, Money amount, ShippingAddress shippingAddress)
        implements PaymentEvent {

    public PaymentCharged {
        Checks.orderScoped(orderId, customerId);
        Checks.nonBlank(paymentId, "paymentId");
        Checks.present(amount, "amount");
        Checks.present(shippingAddress, "shippingAddress");
    }
}
