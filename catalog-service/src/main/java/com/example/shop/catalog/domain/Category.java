package com.example.shop.catalog.domain;

/**
 * A category of the catalog, such as "Coffee": a name that every product of the category shows.
 *
 * @param id      the category's id
 * @param name    its display name, at most {@value #MAX_NAME_LENGTH} characters
 * @param version 1 when created, one more with every rename
 */
public record Category(CategoryId id, String name, long version) implements CatalogEntry {

    /** The longest name a category may have. */
    public static final int MAX_NAME_LENGTH = 100;

    public Category {
        if (id == null) {
            throw new IllegalArgumentException("id must not be null");
        }
        Names.require(name, MAX_NAME_LENGTH, "name");
        Names.version(version);
    }

    /** A new category, at version 1. */
    public static Category create(CategoryId id, String name) {
        return new Category(id, name, 1);
    }

    /** The category under a new name, one version on. */
    public Category renamed(String newName) {
        return new Category(id, newName, version + 1);
    }
}
