package com.example.shop.inventory.handler;

import com.example.shop.inventory.domain.StockLevel;

/**
 * A product's stock as the admin API shows it: {@code {"productId", "available", "reserved"}}.
 *
 * @param productId the product
 * @param available units free to reserve
 * @param reserved units held for orders in flight
 */
public record StockView(String productId, long available, long reserved) {

    static StockView of(StockLevel level) {
        return new StockView(level.productId().value(), level.available(), level.reserved());
    }
}
