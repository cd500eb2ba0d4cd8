package com.example.shop.order.domain;

/**
 * The writing side of the order service's price list (the reading side is {@link PriceTable}):
 * kept from the catalog's announcements, which may arrive twice, late or out of order.
 *
 * <p>Every write is conditional on versions, so the newest announcement about a product wins
 * whatever order they arrive in: an older price never overwrites a newer one, and a product
 * withdrawn from sale is not priced again by an announcement older than its withdrawal.
 */
public interface PriceBook {

    /**
     * Records the product's price, unless the book already holds a newer (or the same) version
     * of its price or of its withdrawal.
     *
     * @return whether the price was written
     */
    boolean record(ListPrice price);

    /**
     * Removes the product's price, so new orders for it are refused, unless the book already holds
     * a newer (or the same) version of its price or of its withdrawal; the withdrawal is remembered
     * with its version.
     *
     * @return whether the withdrawal was written
     */
    boolean withdraw(String productId, long version);
}
