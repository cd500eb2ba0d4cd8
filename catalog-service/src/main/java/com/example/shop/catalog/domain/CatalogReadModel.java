package com.example.shop.catalog.domain;

import java.util.List;
import java.util.Optional;

/**
 * The catalog's read model: one denormalised {@link ProductView} per product, listed per category
 * in name order. Only the projector writes it; the query functions only read it.
 *
 * <p>Every write is conditional on the versions a view carries, so a change applied twice, or
 * after a newer one, changes nothing.
 */
public interface CatalogReadModel {

    /**
     * The longest cursor any read model hands out, far above a real one. A cursor is opaque
     * base64url text (letters, digits, {@code -} and {@code _}); the query function refuses any
     * other text before a read model sees it.
     */
    int MAX_CURSOR_LENGTH = 2048;

    /**
     * Writes the product's own fields into its view, if the view is absent or reflects an older
     * product version. A new view takes the category's name and version; an existing view keeps
     * its category fields (those only move forward through {@link #applyCategory}).
     *
     * @return the view as stored after the write, or empty when the stored view already reflected
     *         this product version or a newer one (nothing was written)
     */
    Optional<ProductView> applyProduct(Product product, Category category);

    /**
     * Copies the category's name into the product's view, if the view carries an older category
     * version.
     *
     * @return whether the view changed
     */
    boolean applyCategory(ProductId productId, Category category);

    /** The products whose views carry an older version of the category than {@code category}'s, listed or not. */
    List<ProductId> productsBehind(Category category);

    /** A product's view, listed or not. */
    Optional<ProductView> product(ProductId id);

    /**
     * One page of a category's listed (active) products, in name order.
     *
     * @param limit  how many at most, 1 to 100
     * @param cursor where the previous page ended ({@link Page#nextCursor()}), or empty for the first page
     */
    Listing listed(CategoryId categoryId, int limit, Optional<String> cursor);

    /** The answer to a listing request. */
    sealed interface Listing permits Page, InvalidCursor {
    }

    /**
     * A page of views, and the opaque cursor of the next page when there may be more.
     *
     * @param items      the views, at most the limit asked for
     * @param nextCursor where to go on from, or empty after the last page
     */
    record Page(List<ProductView> items, Optional<String> nextCursor) implements Listing {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** The cursor was not one this read model handed out for this category. */
    record InvalidCursor(String reason) implements Listing {
    }
}
