package com.example.shop.payment.domain;

import com.example.shop.events.PaymentFailed;

/** What came of giving up on a reservation's charge after its retries ran out. */
public sealed interface GiveUpOutcome
        permits GiveUpOutcome.Abandoned, GiveUpOutcome.CancelledMeanwhile, Reannounce {

    /**
     * Payment recorded the failure; the saga compensates on the announced fact.
     *
     * @param chargeInFlight whether a charge had been sent to the provider (and may need
     *                       reconciling by an operator)
     */
    record Abandoned(PaymentFailed fact, Announcement announcement, boolean chargeInFlight)
            implements GiveUpOutcome, Announced {
    }

    /** The order was cancelled in the meantime; nothing to announce. */
    record CancelledMeanwhile(String orderId, boolean chargeInFlight) implements GiveUpOutcome {
    }
}
