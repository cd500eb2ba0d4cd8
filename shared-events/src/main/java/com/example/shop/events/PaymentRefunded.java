package com.example.shop.events;

/**
 * Payment gave a customer their money back after the order was cancelled.
 *
 * @param orderId the cancelled order
 * @param customerId the customer who was refunded
 * @param refundId the payment provider's id of the refund
 * @param amount the amount refunded
 */
public record PaymentRefunded(String orderId, String customerId, String refundId, Money amount)
        implements PaymentEvent {

    public PaymentRefunded {
        Checks.orderScoped(orderId, customerId);
        Checks.nonBlank(refundId, "refundId");
        Checks.present(amount, "amount");
    }
}
