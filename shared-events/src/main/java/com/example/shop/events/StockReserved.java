package com.example.shop.events;

import java.util.List;

/**
 * Inventory set aside stock for every line of an order, all or nothing; payment may now charge.
 *
 * <p>It forwards the amount, payment method and address from {@link OrderPlaced} so that
 * payment and, later, shipping can act on this fact alone.
 *
 * @param orderId the order the stock is held for
 * @param customerId the customer who placed it
 * @param lines the units reserved, one line per product
 * @param total the amount payment should charge
 * @param paymentMethodRef the opaque reference to the customer's stored payment method
 * @param shippingAddress where the parcel will go
 */
public record StockReserved(
        String orderId,
        String customerId,
        List<ReservedLine> lines,
        Money total,
        String paymentMethodRef,
        ShippingAddress shippingAddress) implements InventoryEvent {

    public StockReserved {
        Checks.orderScoped(orderId, customerId);
        lines = Checks.copyOf(lines, 1, OrderPlaced.MAX_LINES, "lines");
        Checks.present(total, "total");
        Checks.nonBlank(paymentMethodRef, "paymentMethodRef");
        Checks.present(shippingAddress, "shippingAddress");
    }
}
