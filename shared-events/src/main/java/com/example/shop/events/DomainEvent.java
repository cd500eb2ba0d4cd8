package com.example.shop.events;

/**
 * A business fact that one service announces to the others: something that has happened and
 * can no longer be undone, only compensated by a later fact.
 *
 * <p>The hierarchy is sealed, one interface per producing service, so a consumer can
 * {@code switch} over it exhaustively and the compiler names every case it forgot.
 */
public sealed interface DomainEvent permits OrderEvent, InventoryEvent, PaymentEvent, ShippingEvent, CatalogEvent {

    /** The EventBridge {@code source} of the service that announces this fact, e.g. {@code shop.orders}. */
    String source();
}
