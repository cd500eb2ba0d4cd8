package com.example.shop.events;

import java.util.List;

/**
 * Inventory gave back stock it had reserved for an order, compensating for a cancellation or a
 * failed payment.
 *
 * @param orderId the order whose reservation was released
 * @param customerId the customer who placed it
 * @param lines the units returned to stock, at least one line
 * @param reason why the reservation was released
 */
public record StockReleased(String orderId, String customerId, List<ReservedLine> lines, String reason)
        implements InventoryEvent {

    public StockReleased {
        Checks.orderScoped(orderId, customerId);
        lines = Checks.copyOf(lines, 1, OrderPlaced.MAX_LINES, "lines");
        Checks.nonBlank(reason, "reason");
    }
}
