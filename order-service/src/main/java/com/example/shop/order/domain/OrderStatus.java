package com.example.shop.order.domain;

/**
 * Where an order stands in the saga. The happy path only moves forward
 * (PENDING → RESERVED → PAID → SHIPPED); REJECTED, PAYMENT_FAILED, CANCELLED and SHIPMENT_FAILED
 * end it.
 */
public enum OrderStatus {
    PENDING(0), RESERVED(1), PAID(2), SHIPPED(3), REJECTED(-1), PAYMENT_FAILED(-1), CANCELLED(-1), SHIPMENT_FAILED(-1);

    private final int step;

    OrderStatus(int step) {
        this.step = step;
    }

    /** Whether nothing can move the order any more (SHIPPED included: it cannot be cancelled). */
    public boolean isFinal() {
        return step < 0 || this == SHIPPED;
    }

    /** Whether {@code next} lies ahead of this status on the happy path. */
    boolean isBehind(OrderStatus next) {
        return !isFinal() && next.step > step;
    }

    /** Whether the customer may still cancel: anything before the shipment is scheduled. */
    public boolean isCancellable() {
        return this == PENDING || this == RESERVED || this == PAID;
    }
}
