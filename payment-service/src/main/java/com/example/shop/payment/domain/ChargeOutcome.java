package com.example.shop.payment.domain;

import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentRefunded;

import java.util.List;

/**
 * What came of handling a reservation's charge, and what it {@linkplain #announcements() announces}.
 * A provider that cannot answer is not an outcome but a {@link PaymentProviderUnavailableException}:
 * the message is retried.
 */
public sealed interface ChargeOutcome extends Announces
        permits ChargeOutcome.Charged, ChargeOutcome.Declined, ChargeOutcome.RefundedAfterCancel,
        ChargeOutcome.NothingCharged, AlreadyRecorded {

    /** The provider approved and the charge is recorded: announce {@code PaymentCharged}. */
    record Charged(EventEnvelope<PaymentCharged> event) implements ChargeOutcome {
    }

    /** The provider declined and the decline is recorded: announce {@code PaymentDeclined}. */
    record Declined(EventEnvelope<PaymentDeclined> event) implements ChargeOutcome {
    }

    /**
     * The order was cancelled while the charge was in flight and the charge went through: it was
     * refunded at once, and the refund (not the charge) is what the shop hears about.
     */
    record RefundedAfterCancel(EventEnvelope<PaymentRefunded> event) implements ChargeOutcome {
    }

    /** The order was cancelled and no money was taken: nothing to announce. */
    record NothingCharged(String orderId) implements ChargeOutcome {
    }

    @Override
    default List<EventEnvelope<? extends DomainEvent>> announcements() {
        return switch (this) {
            case Charged charged -> List.of(charged.event());
            case Declined declined -> List.of(declined.event());
            case RefundedAfterCancel refunded -> List.of(refunded.event());
            case AlreadyRecorded recorded -> List.of(recorded.event());
            case NothingCharged _ -> List.of();
        };
    }
}
