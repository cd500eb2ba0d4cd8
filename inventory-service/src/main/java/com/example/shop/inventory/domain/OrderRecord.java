package com.example.shop.inventory.domain;

/**
 * What inventory has recorded about one order, kept under the order's id so that every
 * redelivery of the same fact finds it: stock held (or since released), a refusal, or a
 * cancellation that arrived before the order.
 *
 * <p>The record holds the exact events inventory announced, so a redelivered trigger announces
 * the very same event (same id) again instead of deciding anew.
 */
public sealed interface OrderRecord permits Reservation, Refusal, CancelledBeforeReservation {

    /** The order this record is about. */
    String orderId();
}
