package com.example.shop.catalog.domain;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The catalog's write model: categories and products, normalised (a product names its category
 * by id only), each change one conditional write that moves the entry exactly one version on.
 *
 * <p>Every write also records its {@link ChangeOrigin} on the entry, because the table's stream
 * is the catalog's outbox: the publisher announces what the write did, with that origin.
 */
public interface CatalogRepository {

    /** The category, read consistently. */
    Optional<Category> category(CategoryId id);

    /** The product, read consistently. */
    Optional<Product> product(ProductId id);

    /**
     * Records a new category (version 1).
     *
     * @throws IllegalStateException when the id is taken (ids are random UUIDs: a broken generator)
     */
    void add(Category category, ChangeOrigin origin);

    /**
     * Records a new product (version 1).
     *
     * @throws IllegalStateException when the id is taken
     */
    void add(Product product, ChangeOrigin origin);

    /**
     * Stores {@code next} if the stored category is still at the version before it.
     *
     * @return false when another change came first (optimistic locking): nothing was written
     */
    boolean replace(Category next, ChangeOrigin origin);

    /**
     * Stores {@code next} if the stored product is still at the version before it.
     *
     * @return false when another change came first (optimistic locking): nothing was written
     */
    boolean replace(Product next, ChangeOrigin origin);

    /** Every category and product, in no particular order, read page by page as the stream is consumed. */
    Stream<CatalogEntry> all();
}
