package com.example.shop.payment.domain;

import com.example.shop.events.PaymentRefunded;

/** What came of handling an order's cancellation on the payment side. */
public sealed interface RefundOutcome
        permits RefundOutcome.Refunded, RefundOutcome.ChargePrevented, RefundOutcome.NothingToRefund, Reannounce {

    /** The charge was given back and the refund is recorded. */
    record Refunded(PaymentRefunded fact, Announcement announcement) implements RefundOutcome, Announced {
    }

    /**
     * No charge was recorded yet; the payment is now CANCELLED, so a later reservation is not
     * charged and a charge in flight is refunded by the charging side.
     *
     * @param chargeInFlight whether a charge had already been sent to the provider
     */
    record ChargePrevented(String orderId, boolean chargeInFlight) implements RefundOutcome {
    }

    /** Nothing was ever taken (declined, failed, or cancelled earlier): nothing to give back. */
    record NothingToRefund(String orderId, PaymentState state) implements RefundOutcome {
    }
}
