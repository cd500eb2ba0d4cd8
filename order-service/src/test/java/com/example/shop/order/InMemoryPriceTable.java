package com.example.shop.order;

import com.example.shop.events.Money;
import com.example.shop.order.domain.PriceTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The price projection in memory: known products and their prices, set by the test. */
public final class InMemoryPriceTable implements PriceTable {

    private final Map<String, Money> prices = new HashMap<>();
    private final List<Set<String>> lookups = new ArrayList<>();

    /** Sells {@code productId} at {@code price}. */
    public InMemoryPriceTable with(String productId, Money price) {
        prices.put(productId, price);
        return this;
    }

    @Override
    public Map<String, Money> pricesOf(Set<String> productIds) {
        lookups.add(Set.copyOf(productIds));
        Map<String, Money> known = new HashMap<>();
        productIds.stream().filter(prices::containsKey).forEach(id -> known.put(id, prices.get(id)));
        return known;
    }

    /** The product id sets asked for, one per lookup. */
    public List<Set<String>> lookups() {
        return List.copyOf(lookups);
    }
}
