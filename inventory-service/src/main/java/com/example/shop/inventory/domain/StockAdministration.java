package com.example.shop.inventory.domain;

import java.util.Optional;

/**
 * The use cases of the shop's staff: put units of a product into stock, and look at a product's
 * stock.
 *
 * <p>Until the catalogue's {@code ProductCreated} feeds inventory, restocking is also how a
 * product's stock item comes into being.
 *
 * @param ledger the inventory books
 */
public record StockAdministration(StockLedger ledger) {

    /** The most units one restock may add. */
    public static final int MAX_RESTOCK_QUANTITY = 100_000;

    /** Adds {@code quantity} units to the product's free stock, creating its stock item if needed. */
    public StockLevel restock(ProductId productId, int quantity) {
        if (quantity < 1 || quantity > MAX_RESTOCK_QUANTITY) {
            throw new IllegalArgumentException("a restock adds 1 to " + MAX_RESTOCK_QUANTITY + " units but was "
                    + quantity);
        }
        return ledger.restock(productId, quantity);
    }

    /** The product's stock, if inventory keeps any. */
    public Optional<StockLevel> stockOf(ProductId productId) {
        return ledger.stockOf(productId);
    }
}
