package com.example.shop.shipping.domain;

/**
 * What shipping has recorded under an order, as stored beside it: the state machine that makes a
 * booking and a cancellation exclude each other (docs/decisions/0002).
 *
 * <pre>
 *   (none) ──PaymentCharged, booked───▶ SCHEDULED ──OrderCancelled──▶ CANCELLED (withdrawn)
 *      │ ──PaymentCharged, refused──▶ FAILED
 *      └──OrderCancelled────────────▶ CANCEL_MARKER (a later PaymentCharged books nothing)
 * </pre>
 *
 * <p>The first record of an order is written only if the order has none, so whichever of the
 * payment and the cancellation reaches shipping first decides; the only later move,
 * SCHEDULED → CANCELLED, is conditional on the booking still being SCHEDULED. The graph has no
 * cycles, so a lost write is answered by reading again and deciding anew.
 */
public enum ShipmentState {

    /** A carrier took the parcel: the shipment is live. */
    SCHEDULED,
    /** No carrier would take the parcel; the refusal is recorded so a repeat announces the same failure. */
    FAILED,
    /** The booking was withdrawn from the carrier after the order was cancelled. */
    CANCELLED,
    /** The order was cancelled before any booking: none may follow. */
    CANCEL_MARKER
}
