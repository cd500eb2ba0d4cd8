package com.example.shop.order.domain;

import com.example.shop.events.Money;

import java.util.Map;
import java.util.Set;

/**
 * The order service's own copy of current product prices, fed by the catalog's events: placing
 * an order never calls another service.
 */
public interface PriceTable {

    /** The current price of each known product among {@code productIds}; unknown ones are absent. */
    Map<String, Money> pricesOf(Set<String> productIds);
}
