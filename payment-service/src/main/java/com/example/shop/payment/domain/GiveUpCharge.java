package com.example.shop.payment.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.StockReserved;

import java.time.Clock;
import java.util.Optional;

/**
 * Use case: stop trying to charge an order whose every attempt met an unavailable provider, so
 * the saga can compensate (release the stock, fail the order) instead of waiting forever.
 *
 * <ul>
 *   <li>no payment, or still CHARGING: record FAILED and announce {@code PaymentFailed} with the
 *       reason "payment provider unavailable after N attempts", its id derived from the
 *       reservation's and recorded;</li>
 *   <li>an outcome was recorded after all (the charge went through but announcing it kept
 *       failing): announce that outcome again under its recorded identity; announcing a failure
 *       for a charged order would release the stock of an order that was paid;</li>
 *   <li>CANCELLED: the order is gone; nothing to announce.</li>
 * </ul>
 * The caller raises an operator alert in every case.
 */
public record GiveUpCharge(PaymentRepository payments, Clock clock) {

    private static final int MAX_ROUNDS = 4;

    /** The reason announced with {@code PaymentFailed}. */
    public static String reason(int attempts) {
        return "payment provider unavailable after " + attempts + " attempts";
    }

    /**
     * Gives up on the reservation's charge once.
     *
     * @param reserved the reservation whose charge could not be completed, the cause of what is announced
     * @param attempts how many times the charge was tried (the charge queue's maxReceiveCount)
     */
    public GiveUpOutcome giveUp(EventEnvelope<StockReserved> reserved, int attempts) {
        StockReserved order = reserved.data();
        String reason = reason(attempts);
        return Rounds.untilDecided(order.orderId(), MAX_ROUNDS, "give it up",
                () -> switch (payments.find(order.orderId()).orElse(null)) {
                    case null -> {
                        Payment.Failed failed = Payment.abandonedBeforeCharge(order.orderId(), order.customerId(),
                                order.total(), reason, announcement(reserved));
                        yield payments.create(failed) ? abandoned(reserved, failed, false) : Optional.empty();
                    }
                    case Payment.Charging charging -> {
                        Payment.Failed failed = charging.abandoned(reason, announcement(reserved));
                        yield payments.replace(charging, failed) ? abandoned(reserved, failed, true) : Optional.empty();
                    }
                    case Payment.Cancelled cancelled ->
                            Optional.of(new GiveUpOutcome.CancelledMeanwhile(order.orderId(), cancelled.chargeInFlight()));
                    case Payment.Decided decided -> Optional.of(AlreadyRecorded.of(decided, reserved));
                });
    }

    private Announcement announcement(EventEnvelope<StockReserved> reserved) {
        return Announcement.causedBy(reserved, PaymentFailed.class, clock.instant());
    }

    private static Optional<GiveUpOutcome> abandoned(EventEnvelope<StockReserved> reserved, Payment.Failed failed,
                                                     boolean chargeInFlight) {
        return Optional.of(new GiveUpOutcome.Abandoned(
                EventEnvelope.causedBy(reserved, failed.fact(), failed.announcement()), chargeInFlight));
    }
}
