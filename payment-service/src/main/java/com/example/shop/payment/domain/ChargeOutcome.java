package com.example.shop.payment.domain;

import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentRefunded;

/**
 * What came of handling a reservation's charge. A provider that cannot answer is not an outcome
 * but a {@link PaymentProviderUnavailableException}: the message is retried.
 */
public sealed interface ChargeOutcome
        permits ChargeOutcome.Charged, ChargeOutcome.Declined, ChargeOutcome.RefundedAfterCancel,
        ChargeOutcome.NothingCharged, Reannounce {

    /** The provider approved and the charge is recorded. */
    record Charged(PaymentCharged fact, Announcement announcement) implements ChargeOutcome, Announced {
    }

    /** The provider declined and the decline is recorded. */
    record Declined(PaymentDeclined fact, Announcement announcement) implements ChargeOutcome, Announced {
    }

    /**
     * The order was cancelled while the charge was in flight and the charge went through: it was
     * refunded at once, and the refund (not the charge) is what the shop hears about.
     */
    record RefundedAfterCancel(PaymentRefunded fact, Announcement announcement)
            implements ChargeOutcome, Announced {
    }

    /** The order was cancelled and no money was taken: nothing to announce. */
    record NothingCharged(String orderId) implements ChargeOutcome {
    }
}
