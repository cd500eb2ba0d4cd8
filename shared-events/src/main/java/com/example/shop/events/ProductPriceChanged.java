package com.example.shop.events;

/**
 * The list price of a product changed; orders placed from now on use the new price.
 *
 * @param productId the repriced product
 * @param oldPrice the price before the change
 * @param newPrice the price after the change, in the same currency
 */
public record ProductPriceChanged(String productId, Money oldPrice, Money newPrice) implements CatalogEvent {

    public ProductPriceChanged {
        Checks.nonBlank(productId, "productId");
        Checks.present(oldPrice, "oldPrice");
        Checks.present(newPrice, "newPrice");
        Checks.sameCurrency(oldPrice, newPrice, "newPrice");
    }
}
