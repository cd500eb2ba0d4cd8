package com.example.shop.events;

/**
 * A fact announced by the order service: a customer placed or cancelled an order.
 */
public sealed interface OrderEvent extends DomainEvent, OrderScoped permits OrderPlaced, OrderCancelled {

    /** The EventBridge {@code source} of every OrderEvent. */
    String SOURCE = "shop.orders";

    @Override
    default String source() {
        return SOURCE;
    }
}
