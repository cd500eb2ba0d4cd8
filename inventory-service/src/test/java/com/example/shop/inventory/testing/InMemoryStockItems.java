package com.example.shop.inventory.testing;

import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.StockItems;
import com.example.shop.inventory.domain.StockLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stock items in memory, kept in the books of an {@link InMemoryStockLedger} as
 * {@code DynamoDbStockItems} keeps them in the ledger's table (both pass
 * {@link StockItemsContract}): an item is opened once, and an existing one (e.g. restocked) is
 * never touched.
 */
public final class InMemoryStockItems implements StockItems {

    private final InMemoryStockLedger books;
    private final List<ProductId> opened = new ArrayList<>();

    /** Stock items in books of their own. */
    public InMemoryStockItems() {
        this(new InMemoryStockLedger());
    }

    /** Stock items in the books of {@code ledger}, which then reserves and restocks them. */
    public InMemoryStockItems(InMemoryStockLedger ledger) {
        this.books = ledger;
    }

    /** A product that already has stock, as after a restock. */
    public InMemoryStockItems with(StockLevel level) {
        books.withStock(level);
        return this;
    }

    @Override
    public synchronized boolean openIfAbsent(ProductId productId) {
        boolean opens = books.openIfAbsent(productId);
        if (opens) {
            opened.add(productId);
        }
        return opens;
    }

    /** The product's stock, if it has an item. */
    public Optional<StockLevel> stockOf(ProductId productId) {
        return books.stockOf(productId);
    }

    /** Every product whose item was opened here, in order. */
    public synchronized List<ProductId> opened() {
        return List.copyOf(opened);
    }
}
