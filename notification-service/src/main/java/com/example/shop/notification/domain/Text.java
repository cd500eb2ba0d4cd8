package com.example.shop.notification.domain;

/** Argument checks shared by the domain's records. */
final class Text {

    private Text() {
    }

    static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
