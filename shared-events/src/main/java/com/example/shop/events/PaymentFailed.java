package com.example.shop.events;

/**
 * Payment gave up trying to charge an order because the provider kept failing (as opposed to
 * declining); inventory releases the stock and the order ends as payment failed.
 *
 * @param orderId the order that could not be charged
 * @param customerId the customer who placed it
 * @param reason what went wrong, for operators
 */
public record PaymentFailed(String orderId, String customerId, String reason) implements PaymentEvent {

    public PaymentFailed {
        Checks.orderScoped(orderId, customerId);
        Checks.nonBlank(reason, "reason");
    }
}
