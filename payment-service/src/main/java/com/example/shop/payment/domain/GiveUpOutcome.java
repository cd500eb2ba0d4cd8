package com.example.shop.payment.domain;

import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.PaymentFailed;

import java.util.List;

/** What came of giving up on a reservation's charge after its retries ran out, and what it announces. */
public sealed interface GiveUpOutcome extends Announces
        permits GiveUpOutcome.Abandoned, GiveUpOutcome.CancelledMeanwhile, AlreadyRecorded {

    /**
     * Payment recorded the failure: announce {@code PaymentFailed}, on which the saga compensates.
     *
     * @param chargeInFlight whether a charge had been sent to the provider (and may need
     *                       reconciling by an operator)
     */
    record Abandoned(EventEnvelope<PaymentFailed> event, boolean chargeInFlight) implements GiveUpOutcome {
    }

    /** The order was cancelled in the meantime; nothing to announce. */
    record CancelledMeanwhile(String orderId, boolean chargeInFlight) implements GiveUpOutcome {
    }

    @Override
    default List<EventEnvelope<? extends DomainEvent>> announcements() {
        return switch (this) {
            case Abandoned abandoned -> List.of(abandoned.event());
            case AlreadyRecorded recorded -> List.of(recorded.event());
            case CancelledMeanwhile _ -> List.of();
        };
    }
}
