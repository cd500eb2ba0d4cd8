package com.example.shop.events;

/**
 * A product was withdrawn from sale; no new order may include it.
 *
 * @param productId the withdrawn product
 */
public record ProductDiscontinued(String productId) implements CatalogEvent {

    public ProductDiscontinued {
        Checks.nonBlank(productId, "productId");
    }
}
