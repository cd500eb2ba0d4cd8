package com.example.shop.payment.domain;

import com.example.shop.events.PaymentFailed;
import com.example.shop.events.StockReserved;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: stop trying to charge an order whose every attempt met an unavailable provider, so
 * the saga can compensate (release the stock, fail the order) instead of waiting forever.
 *
 * <ul>
 *   <li>no payment, or still CHARGING: record FAILED and announce {@code PaymentFailed} with the
 *       reason "payment provider unavailable after N attempts";</li>
 *   <li>an outcome was recorded after all (the charge went through but announcing it kept
 *       failing): re-announce that outcome; announcing a failure for a charged order would
 *       release the stock of an order that was paid;</li>
 *   <li>CANCELLED: the order is gone; nothing to announce.</li>
 * </ul>
 * The caller raises an operator alert in every case.
 */
public final class GiveUpCharge {

    private static final int MAX_ROUNDS = 4;

    private final PaymentRepository payments;
    private final Clock clock;

    public GiveUpCharge(PaymentRepository payments, Clock clock) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The reason announced with {@code PaymentFailed}. */
    public static String reason(int attempts) {
        return "payment provider unavailable after " + attempts + " attempts";
    }

    /**
     * Gives up on the reservation's charge once.
     *
     * @param reserved the reservation whose charge could not be completed
     * @param attempts how many times the charge was tried (the charge queue's maxReceiveCount)
     * @param ids the ids to announce a newly recorded failure under
     */
    public GiveUpOutcome giveUp(StockReserved reserved, int attempts, AnnouncementIds ids) {
        String reason = reason(attempts);
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Optional<GiveUpOutcome> outcome = switch (payments.find(reserved.orderId()).orElse(null)) {
                case null -> {
                    Payment.Failed failed = Payment.abandonedBeforeCharge(reserved.orderId(), reserved.customerId(),
                            reserved.total(), reason, announcement(ids));
                    yield payments.create(failed) ? abandoned(failed, false) : Optional.empty();
                }
                case Payment.Charging charging -> {
                    Payment.Failed failed = charging.abandoned(reason, announcement(ids));
                    yield payments.replace(charging, failed) ? abandoned(failed, true) : Optional.empty();
                }
                case Payment.Cancelled cancelled ->
                        Optional.of(new GiveUpOutcome.CancelledMeanwhile(reserved.orderId(), cancelled.chargeInFlight()));
                case Payment.Charged charged ->
                        Optional.of(new Reannounce(charged.fact(reserved.shippingAddress()), charged.announcement()));
                case Payment.Declined declined -> Optional.of(new Reannounce(declined.fact(), declined.announcement()));
                case Payment.Failed failed -> Optional.of(new Reannounce(failed.fact(), failed.announcement()));
                case Payment.Refunded refunded -> Optional.of(new Reannounce(refunded.fact(), refunded.announcement()));
            };
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new IllegalStateException("the payment of order " + reserved.orderId() + " kept changing under "
                + MAX_ROUNDS + " attempts to give it up");
    }

    private Announcement announcement(AnnouncementIds ids) {
        return new Announcement(ids.eventIdFor(PaymentFailed.class), clock.instant());
    }

    private static Optional<GiveUpOutcome> abandoned(Payment.Failed failed, boolean chargeInFlight) {
        return Optional.of(new GiveUpOutcome.Abandoned(failed.fact(), failed.announcement(), chargeInFlight));
    }
}
