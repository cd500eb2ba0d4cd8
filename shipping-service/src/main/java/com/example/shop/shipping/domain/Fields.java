package com.example.shop.shipping.domain;

/** The checks the shipping records' constructors share. */
final class Fields {

    private Fields() {
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
