package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.StockUnavailable;

/**
 * Inventory's decision that an order could not be supplied: nothing was reserved for it, ever.
 *
 * <p>Recorded so that a redelivered {@code OrderPlaced} announces the same refusal, even if stock
 * arrived in between: the order has already been rejected on the strength of it.
 *
 * @param unavailableEvent the {@code StockUnavailable} announced for the order
 */
public record Refusal(EventEnvelope<StockUnavailable> unavailableEvent) implements OrderRecord {

    public Refusal {
        if (unavailableEvent == null) {
            throw new IllegalArgumentException("unavailableEvent must not be null");
        }
    }

    @Override
    public String orderId() {
        return unavailableEvent.data().orderId();
    }
}
