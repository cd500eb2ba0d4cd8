package com.example.shop.payment.domain;

/**
 * The stage an order's payment has reached, as stored beside it: the state machine that keeps a
 * charge from happening twice and a cancelled order from being charged.
 *
 * <pre>
 *   (none) ──StockReserved──▶ CHARGING ──approved──▶ CHARGED ──OrderCancelled──▶ REFUNDED
 *      │                        │ │ │                   └──ShipmentFailed──▶ REFUNDED
 *      │                        │ │ │
 *      │                        │ │ └──declined──▶ DECLINED
 *      │                        │ └──provider unavailable, retries exhausted──▶ FAILED
 *      │                        └──OrderCancelled──▶ CANCELLED ──charge had gone through──▶ REFUNDED
 *      ├──OrderCancelled──────────────────────────▶ CANCELLED (a later StockReserved is not charged)
 *      └──retries exhausted before any attempt────▶ FAILED
 * </pre>
 *
 * <p>The graph has no cycles: a payment never returns to a state it has left. That is what lets
 * the repository use the state itself as the condition of every write ("still CHARGING?")
 * instead of a version counter.
 */
public enum PaymentState {

    /** A charge was started at the provider and its result is not recorded yet. */
    CHARGING,
    /** The provider approved the charge. */
    CHARGED,
    /** The provider refused the charge: a business outcome. */
    DECLINED,
    /** The provider stayed unavailable until the retries ran out; nothing was charged as far as we know. */
    FAILED,
    /** The order was cancelled before a charge was recorded; no charge may follow. */
    CANCELLED,
    /** The charge was given back after the order was cancelled or could not be shipped. */
    REFUNDED
}
