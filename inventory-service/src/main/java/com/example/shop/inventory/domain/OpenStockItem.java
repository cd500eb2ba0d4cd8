package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ProductCreated;

/**
 * Gives every new product of the catalog a stock item, empty until staff restock it, so that an
 * order for the product is refused for lack of stock rather than for an unknown product, and the
 * admin stock view lists it from the start.
 *
 * <p>Opening is keyed by product id and never overwrites an existing item, so a redelivered
 * {@code ProductCreated}, or one arriving after a restock, changes nothing. It announces nothing.
 *
 * @param items the stock items of the catalog's products
 */
public record OpenStockItem(StockItems items) {

    /** Opens the stock item of the created product if it has none. */
    public Outcome open(EventEnvelope<ProductCreated> created) {
        ProductId productId = new ProductId(created.data().productId());
        return items.openIfAbsent(productId) ? Outcome.OPENED : Outcome.ALREADY_OPEN;
    }

    /** What opening did. */
    public enum Outcome {
        /** A new, empty stock item was opened. */
        OPENED,
        /** The product already had a stock item; it was left as it is. */
        ALREADY_OPEN
    }
}
