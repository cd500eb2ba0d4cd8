package com.example.shop.inventory.domain;

/**
 * How many units of one product inventory holds: free to sell, and set aside for orders that are
 * not yet paid or released.
 *
 * <p>Neither count ever goes below zero; the ledger's conditional writes guarantee it under any
 * concurrency, and this record refuses a level that breaks it.
 *
 * @param productId the product
 * @param available units that a new order may reserve
 * @param reserved units held for orders in flight
 */
public record StockLevel(ProductId productId, long available, long reserved) {

    public StockLevel {
        if (productId == null) {
            throw new IllegalArgumentException("productId must not be null");
        }
        if (available < 0 || reserved < 0) {
            throw new IllegalArgumentException("stock of " + productId + " must not be negative but was available="
                    + available + ", reserved=" + reserved);
        }
    }
}
