package com.example.shop.inventory.domain;

import java.util.Optional;

/**
 * The use cases of the shop's staff: put units of a product into stock, and look at a product's
 * stock.
 *
 * <p>Only a product the catalog announced can be restocked: its {@code ProductCreated} opened the
 * product's stock item ({@link OpenStockItem}), and a restock adds to that item only. A product id
 * the catalog never announced is {@link UnknownProduct} and nothing is written, so no orphan stock
 * item can appear.
 *
 * @param ledger the inventory books
 */
public record StockAdministration(StockLedger ledger) {

    /** The most units one restock may add. */
    public static final int MAX_RESTOCK_QUANTITY = 100_000;

    /** Adds {@code quantity} units to the free stock of a product inventory keeps. */
    public RestockOutcome restock(ProductId productId, int quantity) {
        if (quantity < 1 || quantity > MAX_RESTOCK_QUANTITY) {
            throw new IllegalArgumentException("a restock adds 1 to " + MAX_RESTOCK_QUANTITY + " units but was "
                    + quantity);
        }
        return ledger.restock(productId, quantity).<RestockOutcome>map(Restocked::new)
                .orElseGet(() -> new UnknownProduct(productId));
    }

    /** What a restock led to. */
    public sealed interface RestockOutcome permits Restocked, UnknownProduct {
    }

    /** The units were added; {@code level} is the product's stock now. */
    public record Restocked(StockLevel level) implements RestockOutcome {
    }

    /** Inventory keeps no stock item for the product (the catalog never announced it): nothing was written. */
    public record UnknownProduct(ProductId productId) implements RestockOutcome {
    }

    /** The product's stock, if inventory keeps any. */
    public Optional<StockLevel> stockOf(ProductId productId) {
        return ledger.stockOf(productId);
    }
}
