package com.example.shop.events;

/**
 * A fact announced by the catalog: a product was created, repriced or discontinued.
 *
 * <p>Order keeps its own price list and inventory its own stock items from these facts, so
 * neither calls the catalog while serving a customer.
 */
public sealed interface CatalogEvent extends DomainEvent
        permits ProductCreated, ProductPriceChanged, ProductDiscontinued {

    /** The EventBridge {@code source} of every CatalogEvent. */
    String SOURCE = "shop.catalog";

    /** The product this fact is about. */
    String productId();

    @Override
    default String source() {
        return SOURCE;
    }
}
