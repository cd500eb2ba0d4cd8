package com.example.shop.notification.domain;

/**
 * Where the customer of one order wants to hear about it: the e-mail address they gave when they
 * placed the order.
 *
 * <p>Only {@code OrderPlaced} carries the address; every later event of the order names just the
 * order and the customer, so the notification service remembers this contact per order.
 *
 * @param orderId the order
 * @param customerId the customer who placed it
 * @param email the address notifications about the order go to
 */
public record CustomerContact(String orderId, String customerId, String email) {

    public CustomerContact {
        Text.requireNonBlank(orderId, "orderId");
        Text.requireNonBlank(customerId, "customerId");
        Text.requireNonBlank(email, "email");
        if (email.indexOf('@') < 1 || email.endsWith("@")) {
            throw new IllegalArgumentException("email must look like name@domain");
        }
    }
}
