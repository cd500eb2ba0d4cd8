package com.example.shop.events;

/**
 * A customer cancelled their order before it shipped; inventory releases its stock and payment
 * refunds any charge in response.
 *
 * @param orderId the cancelled order
 * @param customerId the customer who cancelled it
 * @param reason why, in the customer's or the system's words
 */
public record OrderCancelled(String orderId, String customerId, String reason) implements OrderEvent {

    public OrderCancelled {
        Checks.orderScoped(orderId, customerId);
        Checks.nonBlank(reason, "reason");
    }
}
