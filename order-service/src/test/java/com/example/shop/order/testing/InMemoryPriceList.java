package com.example.shop.order.testing;

import com.example.shop.events.Money;
import com.example.shop.order.domain.ListPrice;
import com.example.shop.order.domain.PriceBook;
import com.example.shop.order.domain.PriceTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order service's price list in memory, both of its sides: the {@link PriceBook} the catalog's
 * announcements write and the {@link PriceTable} orders are priced from. Same version rules as
 * the table: per product the newest version (price or withdrawal) wins. Held to the same
 * contract test as {@code DynamoDbPriceBook} with {@code DynamoDbPriceTable}.
 */
public final class InMemoryPriceList implements PriceBook, PriceTable {

    /** The version of a price a test sets directly: any announcement is newer. */
    private static final long GIVEN = Long.MIN_VALUE;

    private final Map<String, ListPrice> prices = new HashMap<>();
    private final Map<String, Long> withdrawals = new HashMap<>();
    private final List<Set<String>> lookups = new ArrayList<>();

    /** Sells {@code productId} at {@code price}, as if announced before anything the test announces. */
    public synchronized InMemoryPriceList with(String productId, Money price) {
        prices.put(productId, new ListPrice(productId, price, GIVEN));
        return this;
    }

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

    @Override
    public synchronized Map<String, Money> pricesOf(Set<String> productIds) {
        lookups.add(Set.copyOf(productIds));
        Map<String, Money> known = new HashMap<>();
        productIds.stream().filter(prices::containsKey).forEach(id -> known.put(id, prices.get(id).price()));
        return known;
    }

    /** The product's current price, if it has one. */
    public synchronized Optional<Money> priceOf(String productId) {
        return Optional.ofNullable(prices.get(productId)).map(ListPrice::price);
    }

    /** The product id sets orders were priced for, one per lookup. */
    public synchronized List<Set<String>> lookups() {
        return List.copyOf(lookups);
    }

    private boolean isNewest(String productId, long version) {
        ListPrice price = prices.get(productId);
        Long withdrawn = withdrawals.get(productId);
        return (price == null || price.version() < version) && (withdrawn == null || withdrawn < version);
    }
}
