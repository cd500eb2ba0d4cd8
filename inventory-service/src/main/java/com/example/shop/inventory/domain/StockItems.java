package com.example.shop.inventory.domain;

/**
 * The stock items inventory keeps, one per product of the catalog, as far as opening them goes
 * (the {@link StockLedger} moves units in and out of them).
 */
public interface StockItems {

    /**
     * Opens the product's stock item with nothing available and nothing reserved, unless the
     * product already has one (opened before, or created by an earlier restock), which is left as
     * it is.
     *
     * @return whether a new item was opened
     */
    boolean openIfAbsent(ProductId productId);
}
