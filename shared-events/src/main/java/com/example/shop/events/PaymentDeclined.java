package com.example.shop.events;

/**
 * The payment provider refused to charge the customer (insufficient funds, blocked method): a
 * business outcome, not an error; inventory releases the stock.
 *
 * @param orderId the order that could not be paid
 * @param customerId the customer whose payment was declined
 * @param amount the amount that was asked for
 * @param reason the provider's decline reason, safe to show to the customer
 */
public record PaymentDeclined(String orderId, String customerId, Money amount, String reason)
        implements PaymentEvent {

    public PaymentDeclined {
        Checks.orderScoped(orderId, customerId);
        Checks.present(amount, "amount");
        Checks.nonBlank(reason, "reason");
    }
}
