package com.example.shop.events;

/**
 * A fact announced by the payment service: an order was charged, declined, could not be charged,
 * or refunded.
 */
public sealed interface PaymentEvent extends DomainEvent, OrderScoped
        permits PaymentCharged, PaymentDeclined, PaymentFailed, PaymentRefunded {

    /** The EventBridge {@code source} of every PaymentEvent. */
    String SOURCE = "shop.payments";

    @Override
    default String source() {
        return SOURCE;
    }
}
