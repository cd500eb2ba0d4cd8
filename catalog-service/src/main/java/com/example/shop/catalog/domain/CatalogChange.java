package com.example.shop.catalog.domain;

import java.util.Optional;

/**
 * One change of the write model, as its table's stream reports it: the entry before (absent for a
 * new entry) and after the write, and where the write came from.
 */
public sealed interface CatalogChange permits CatalogChange.CategoryChanged, CatalogChange.ProductChanged {

    /** Where the write came from. */
    ChangeOrigin origin();

    /** A category was created or renamed. */
    record CategoryChanged(Optional<Category> before, Category after, ChangeOrigin origin) implements CatalogChange {
        public CategoryChanged {
            if (before == null || after == null || origin == null) {
                throw new IllegalArgumentException("before (possibly empty), after and origin must be given");
            }
        }
    }

    /** A product was introduced, repriced or discontinued. */
    record ProductChanged(Optional<Product> before, Product after, ChangeOrigin origin) implements CatalogChange {
        public ProductChanged {
            if (before == null || after == null || origin == null) {
                throw new IllegalArgumentException("before (possibly empty), after and origin must be given");
            }
        }
    }
}
