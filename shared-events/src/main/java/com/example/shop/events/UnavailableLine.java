package com.example.shop.events;

/**
 * A product an order asked for that inventory could not supply in full.
 *
 * @param productId the catalogue id of the product
 * @param requested how many units the order asked for, at least 1
 * @param available how many units were in stock, fewer than requested
 */
public record UnavailableLine(String productId, int requested, int available) {

    public UnavailableLine {
        Checks.nonBlank(productId, "productId");
        Checks.atLeast(requested, 1, "requested");
        Checks.atLeast(available, 0, "available");
        if (available >= requested) {
            throw new IllegalArgumentException("available (" + available + ") must be less than requested ("
                    + requested + ") for " + productId);
        }
    }
}
