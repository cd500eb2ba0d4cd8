package com.example.shop.notification.domain;

import java.util.Optional;

/**
 * The notification service's memory of whom to tell about each order: one {@link CustomerContact}
 * per order, written when the order is placed.
 */
public interface ContactBook {

    /** Remembers the contact of an order; remembering the same contact again changes nothing. */
    void remember(CustomerContact contact);

    /** The contact of an order, or empty when its {@code OrderPlaced} has not been handled yet. */
    Optional<CustomerContact> find(String orderId);
}
