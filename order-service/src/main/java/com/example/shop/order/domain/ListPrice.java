package com.example.shop.order.domain;

import com.example.shop.events.Money;

/**
 * A product's list price as the catalog announced it, with the version that orders its
 * announcements: the epoch milliseconds at which the catalog changed the price.
 *
 * @param productId the product
 * @param price     its list price
 * @param version   when the catalog set it, in epoch milliseconds; a later change has a larger one
 */
public record ListPrice(String productId, Money price, long version) {

    public ListPrice {
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("productId must not be blank");
        }
        if (price == null) {
            throw new IllegalArgumentException("price must not be null");
        }
    }
}
