package com.example.shop.catalog.domain;

/**
 * The id of a category of the catalog, for example {@code cat-coffee}. Products refer to their
 * category by this id only; its name lives with the category.
 *
 * @param value the id
 */
public record CategoryId(String value) {

    public CategoryId {
        CatalogIds.require(value, "a category id");
    }

    /** Whether {@code value} can be a category id (so a request can be answered 4xx rather than 500). */
    public static boolean isWellFormed(String value) {
        return CatalogIds.isWellFormed(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
