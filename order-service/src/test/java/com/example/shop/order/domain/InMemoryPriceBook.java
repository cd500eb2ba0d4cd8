package com.example.shop.order.domain;

import com.example.shop.events.Money;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The price book in memory, with the same version rules as the table: per product the newest
 * version (price or withdrawal) wins.
 */
public final class InMemoryPriceBook implements PriceBook {

    private final Map<String, ListPrice> prices = new HashMap<>();
    private final Map<String, Long> withdrawals = new HashMap<>();

    @Override
    public synchronized boolean record(ListPrice price) {
        if (!isNewest(price.productId(), price.version())) {
            return false;
        }
        prices.put(price.productId(), price);
        return true;
    }

    @Override
    public synchronized boolean withdraw(String productId, long version) {
        if (!isNewest(productId, version)) {
            return false;
        }
        prices.remove(productId);
        withdrawals.put(productId, version);
        return true;
    }

    /** The product's current price, if it has one. */
    public synchronized Optional<Money> priceOf(String productId) {
        return Optional.ofNullable(prices.get(productId)).map(ListPrice::price);
    }

    private boolean isNewest(String productId, long version) {
        ListPrice price = prices.get(productId);
        Long withdrawn = withdrawals.get(productId);
        return (price == null || price.version() < version) && (withdrawn == null || withdrawn < version);
    }
}
