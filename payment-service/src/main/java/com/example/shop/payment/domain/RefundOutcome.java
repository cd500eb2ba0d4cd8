package com.example.shop.payment.domain;

import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.PaymentRefunded;

import java.util.List;

/**
 * What came of settling the payment of an order that will not ship (cancelled, or its shipment
 * failed), and what it announces.
 */
public sealed interface RefundOutcome extends Announces
        permits RefundOutcome.Refunded, RefundOutcome.ChargePrevented, RefundOutcome.NothingToRefund, AlreadyRecorded {

    /** The charge was given back and the refund is recorded: announce {@code PaymentRefunded}. */
    record Refunded(EventEnvelope<PaymentRefunded> event) implements RefundOutcome {
    }

    /**
     * No charge was recorded yet; the payment is now CANCELLED, so a later reservation is not
     * charged and a charge in flight is refunded by the charging side. Nothing to announce.
     *
     * @param chargeInFlight whether a charge had already been sent to the provider
     */
    record ChargePrevented(String orderId, boolean chargeInFlight) implements RefundOutcome {
    }

    /**
     * Nothing was ever taken (declined, failed, or cancelled earlier): nothing to give back or
     * announce.
     */
    record NothingToRefund(String orderId, PaymentState state) implements RefundOutcome {
    }

    @Override
    default List<EventEnvelope<? extends DomainEvent>> announcements() {
        return switch (this) {
            case Refunded refunded -> List.of(refunded.event());
            case AlreadyRecorded recorded -> List.of(recorded.event());
            case ChargePrevented _, NothingToRefund _ -> List.of();
        };
    }
}
