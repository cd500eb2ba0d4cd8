package com.example.shop.events;

/**
 * A new product entered the catalog; order starts pricing it and inventory starts stocking it.
 *
 * @param productId the new product
 * @param name its display name
 * @param categoryId the category it belongs to
 * @param price its list price
 */
public record ProductCreated(String productId, String name, String categoryId, Money price)
        implements CatalogEvent {

    public ProductCreated {
        Checks.nonBlank(productId, "productId");
        Checks.nonBlank(name, "name");
        Checks.nonBlank(categoryId, "categoryId");
        Checks.present(price, "price");
    }
}
