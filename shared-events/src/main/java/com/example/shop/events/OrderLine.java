package com.example.shop.events;

/**
 * One line of a placed order: a product, how many of it, and the unit price the customer saw.
 *
 * @param productId the catalogue id of the product
 * @param quantity how many units, from 1 to {@value #MAX_QUANTITY}
 * @param unitPrice the price of one unit when the order was placed
 */
public record OrderLine(String productId, int quantity, Money unitPrice) {

    /** The most units of one product a single order line may ask for. */
    public static final int MAX_QUANTITY = 100;

    public OrderLine {
        Checks.nonBlank(productId, "productId");
        Checks.between(quantity, 1, MAX_QUANTITY, "quantity");
        Checks.present(unitPrice, "unitPrice");
    }

    /** The price of the whole line: unit price times quantity. */
    public Money subtotal() {
        return unitPrice.times(quantity);
    }
}
