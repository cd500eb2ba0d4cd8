package com.example.shop.shipping.domain;

import java.util.Optional;

/**
 * The shipments of all orders, one per order id: the record that makes scheduling idempotent.
 * Storage failures are thrown, so the message is retried.
 */
public interface ShipmentRepository {

    /** The order's shipment, if one was booked. */
    Optional<Shipment> find(String orderId);

    /** Stores a new shipment; {@code false} when the order already has one (the first one stays). */
    boolean add(Shipment shipment);
}
