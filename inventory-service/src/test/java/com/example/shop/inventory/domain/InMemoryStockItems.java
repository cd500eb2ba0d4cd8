package com.example.shop.inventory.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stock items in memory: an item is opened once, and an existing one (e.g. restocked) is never touched. */
public final class InMemoryStockItems implements StockItems {

    private final Map<ProductId, StockLevel> items = new LinkedHashMap<>();
    private final List<ProductId> opened = new ArrayList<>();

    /** A product that already has stock, as after a restock. */
    public synchronized InMemoryStockItems with(StockLevel level) {
        items.put(level.productId(), level);
        return this;
    }

    @Override
    public synchronized boolean openIfAbsent(ProductId productId) {
        if (items.containsKey(productId)) {
            return false;
        }
        items.put(productId, new StockLevel(productId, 0, 0));
        opened.add(productId);
        return true;
    }

    /** The product's stock, if it has an item. */
    public synchronized Optional<StockLevel> stockOf(ProductId productId) {
        return Optional.ofNullable(items.get(productId));
    }

    /** Every product whose item was opened here, in order. */
    public synchronized List<ProductId> opened() {
        return List.copyOf(opened);
    }
}
