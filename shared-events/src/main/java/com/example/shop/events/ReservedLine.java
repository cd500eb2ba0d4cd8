package com.example.shop.events;

/**
 * Units of one product that inventory has set aside (or given back) for an order.
 *
 * @param productId the catalogue id of the product
 * @param quantity how many units, at least 1
 */
public record ReservedLine(String productId, int quantity) {

    public ReservedLine {
        Checks.nonBlank(productId, "productId");
        Checks.atLeast(quantity, 1, "quantity");
    }
}
