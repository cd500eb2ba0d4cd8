package com.example.shop.events;

/**
 * A fact in the life of one customer order, whichever service announced it.
 *
 * <p>Every step of the order saga carries the order and customer ids, so a consumer can key its
 * state and its log lines on them without knowing the concrete event.
 */
public sealed interface OrderScoped permits OrderEvent, InventoryEvent, PaymentEvent, ShippingEvent {

    /** The order this fact is about. */
    String orderId();

    /** The customer who placed the order. */
    String customerId();
}
