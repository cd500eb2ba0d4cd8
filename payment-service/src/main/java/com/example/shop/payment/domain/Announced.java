package com.example.shop.payment.domain;

import com.example.shop.events.PaymentEvent;

/**
 * An outcome the rest of the shop must be told about: the payment fact and the identity it is
 * announced under.
 */
public sealed interface Announced
        permits ChargeOutcome.Charged, ChargeOutcome.Declined, ChargeOutcome.RefundedAfterCancel,
        RefundOutcome.Refunded, GiveUpOutcome.Abandoned, Reannounce {

    /** The fact to announce. */
    PaymentEvent fact();

    /** Its event id and time. */
    Announcement announcement();
}
