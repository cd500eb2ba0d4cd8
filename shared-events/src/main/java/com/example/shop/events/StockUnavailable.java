package com.example.shop.events;

import java.util.List;

/**
 * Inventory could not supply at least one line of an order, so it reserved nothing; the order
 * is rejected.
 *
 * @param orderId the rejected order
 * @param customerId the customer who placed it
 * @param lines the lines that could not be supplied, at least one
 */
public record StockUnavailable(String orderId, String customerId, List<UnavailableLine> lines)
        implements InventoryEvent {

    public StockUnavailable {
        Checks.orderScoped(orderId, customerId);
        lines = Checks.copyOf(lines, 1, OrderPlaced.MAX_LINES, "lines");
    }
}
