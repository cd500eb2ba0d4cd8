package com.example.shop.shipping.domain;

import java.util.Optional;

/**
 * What shipping has recorded for all orders, one {@link ShippingRecord} per order id: the record
 * that makes scheduling and cancelling idempotent, and makes a booking and a cancellation exclude
 * each other.
 *
 * <p>Every write is conditional. {@link #add} succeeds only when the order has no record yet (a
 * booking, a refusal or a cancel marker: whichever comes first stays); {@link #cancel} only while
 * the booking is still {@code SCHEDULED}. A {@code false} answer means another delivery or
 * another function got there first: the caller reads again and decides anew. Storage failures are
 * thrown, so the message is retried.
 */
public interface ShipmentRepository {

    /** What was recorded for the order, if anything. */
    Optional<ShippingRecord> find(String orderId);

    /** Stores the first record of an order; {@code false} when the order already has one (the first one stays). */
    boolean add(ShippingRecord first);

    /**
     * Replaces a booking by its withdrawal; {@code false} when the stored record is no longer that
     * booking, still {@code SCHEDULED}.
     */
    boolean cancel(Shipment booked, CancelledShipment withdrawn);
}
