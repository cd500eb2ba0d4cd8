package com.example.shop.events;

/**
 * A fact announced by the inventory service: stock was reserved, could not be reserved, or was
 * given back.
 */
public sealed interface InventoryEvent extends DomainEvent, OrderScoped
        permits StockReserved, StockUnavailable, StockReleased {

    /** The EventBridge {@code source} of every InventoryEvent. */
    String SOURCE = "shop.inventory";

    @Override
    default String source() {
        return SOURCE;
    }
}
