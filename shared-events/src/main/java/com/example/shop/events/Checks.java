package com.example.shop.events;

import java.util.List;

/**
 * Guard clauses shared by the compact constructors of the event records, so that every invalid
 * value is refused with a message that names the offending field.
 */
final class Checks {

    private Checks() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    /** Not null and not only blank characters, by the one definition of blank ({@link Texts#isBlank}). */
    static String nonBlank(String value, String field) {
        if (Texts.isBlank(value)) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** The two ids every step of the order saga carries ({@link OrderScoped}). */
    static void orderScoped(String orderId, String customerId) {
        nonBlank(orderId, "orderId");
        nonBlank(customerId, "customerId");
    }

    static int atLeast(int value, int minimum, String field) {
        if (value < minimum) {
            throw new IllegalArgumentException(field + " must be at least " + minimum + " but was " + value);
        }
        return value;
    }

    static int between(int value, int minimum, int maximum, String field) {
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException(
                    field + " must be between " + minimum + " and " + maximum + " but was " + value);
        }
        return value;
    }

    /** An unmodifiable copy holding between {@code minimum} and {@code maximum} non-null items. */
    static <T> List<T> copyOf(List<T> values, int minimum, int maximum, String field) {
        present(values, field);
        if (values.size() < minimum || values.size() > maximum) {
            throw new IllegalArgumentException(field + " must hold between " + minimum + " and " + maximum
                    + " items but held " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            present(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }

    static void sameCurrency(Money expected, Money actual, String field) {
        if (!expected.currency().equals(actual.currency())) {
            throw new IllegalArgumentException(field + " must be in " + expected.currency()
                    + " but was in " + actual.currency());
        }
    }
}
