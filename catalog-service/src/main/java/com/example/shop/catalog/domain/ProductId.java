package com.example.shop.catalog.domain;

/**
 * The id of a product in the catalog, for example {@code prod-3f0c...}; the same id names the
 * product in order's price list and in inventory's stock.
 *
 * @param value the id
 */
public record ProductId(String value) {

    public ProductId {
        CatalogIds.require(value, "a product id");
    }

    /** Whether {@code value} can be a product id (so a request can be answered 404 rather than 500). */
    public static boolean isWellFormed(String value) {
        return CatalogIds.isWellFormed(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
