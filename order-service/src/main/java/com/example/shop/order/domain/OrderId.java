package com.example.shop.order.domain;

import java.util.Objects;

/** The identity of an order: a UUID string. */
public record OrderId(String value) {

    public OrderId {
        Objects.requireNonNull(value, "order id");
        if (!value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new IllegalArgumentException("order id must be a lower-case UUID but was '" + value + "'");
        }
    }

    /** Whether {@code candidate} can be an order id at all (path parameters arrive unchecked). */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && candidate.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Override
    public String toString() {
        return value;
    }
}
