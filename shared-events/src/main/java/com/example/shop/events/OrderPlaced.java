package com.example.shop.events;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer placed an order: the start of the order saga.
 *
 * <p>It carries everything the later steps need (lines for inventory, total and payment method
 * reference for payment, the address for shipping), because no step may call back to ask.
 *
 * @param orderId the new order
 * @param customerId the customer who placed it, taken from the caller's token
 * @param customerEmail where notifications about the order go
 * @param lines what was ordered, 1 to {@value #MAX_LINES} lines, one per product
 * @param total the sum of all line subtotals, in the lines' currency
 * @param shippingAddress where the parcel goes
 * @param paymentMethodRef an opaque reference to a stored payment method; never card data
 */
public record OrderPlaced(
        String orderId,
        String customerId,
        String customerEmail,
        List<OrderLine> lines,
        Money total,
        ShippingAddress shippingAddress,
        String paymentMethodRef) implements OrderEvent {

    /** The most lines one order may hold. */
    public static final int MAX_LINES = 50;

    public OrderPlaced {
        Checks.orderScoped(orderId, customerId);
        Checks.nonBlank(customerEmail, "customerEmail");
        if (customerEmail.indexOf('@') < 1 || customerEmail.endsWith("@")) {
            throw new IllegalArgumentException("customerEmail must look like name@domain but was '"
                    + customerEmail + "'");
        }
        lines = Checks.copyOf(lines, 1, MAX_LINES, "lines");
        Checks.present(total, "total");
        Checks.present(shippingAddress, "shippingAddress");
        Checks.nonBlank(paymentMethodRef, "paymentMethodRef");
        requireOneLinePerProduct(lines);
        requireTotalIsSumOfLines(lines, total);
    }

    private static void requireOneLinePerProduct(List<OrderLine> lines) {
        Set<String> seen = new HashSet<>();
        for (OrderLine line : lines) {
            if (!seen.add(line.productId())) {
                throw new IllegalArgumentException("lines must hold one line per product but "
                        + line.productId() + " appears twice");
            }
        }
    }

    private static void requireTotalIsSumOfLines(List<OrderLine> lines, Money total) {
        Money sum = Money.zero(total.currency());
        for (int i = 0; i < lines.size(); i++) {
            Checks.sameCurrency(total, lines.get(i).unitPrice(), "lines[" + i + "].unitPrice");
            sum = sum.plus(lines.get(i).subtotal());
        }
        if (!sum.equals(total)) {
            throw new IllegalArgumentException("total must equal the sum of the lines (" + sum.amountMinor()
                    + " " + sum.currency() + ") but was " + total.amountMinor() + " " + total.currency());
        }
    }
}
