package com.example.shop.payment.domain;

import com.example.shop.events.OrderCancelled;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.payment.domain.PaymentGateway.RefundRequest;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: when an order is cancelled, give back what was charged, or make sure nothing will be.
 *
 * <ul>
 *   <li>CHARGED: refund at the provider (idempotency key: the order id), record REFUNDED,
 *       announce {@code PaymentRefunded};</li>
 *   <li>no payment yet: record CANCELLED, so the reservation's charge, should it still arrive,
 *       is skipped;</li>
 *   <li>CHARGING: record CANCELLED with the charge in flight; the charging side notices when it
 *       fails to record CHARGED and refunds (see {@link ChargePayment});</li>
 *   <li>REFUNDED: re-announce the recorded refund under its original event id;</li>
 *   <li>DECLINED, FAILED, CANCELLED: nothing was taken, nothing to do.</li>
 * </ul>
 */
public final class RefundPayment {

    private static final int MAX_ROUNDS = 4;

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final Clock clock;

    public RefundPayment(PaymentRepository payments, PaymentGateway gateway, Clock clock) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Settles the payment side of a cancellation once.
     *
     * @param cancelled the cancellation
     * @param ids the ids to announce a newly recorded refund under
     * @throws PaymentProviderUnavailableException when the provider cannot refund now
     */
    public RefundOutcome onCancelled(OrderCancelled cancelled, AnnouncementIds ids) {
        String orderId = cancelled.orderId();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Optional<RefundOutcome> outcome = switch (payments.find(orderId).orElse(null)) {
                case null -> payments.create(Payment.cancelledBeforeCharge(orderId, cancelled.customerId()))
                        ? Optional.of(new RefundOutcome.ChargePrevented(orderId, false))
                        : Optional.empty();
                case Payment.Charging charging -> payments.replace(charging, charging.cancelled())
                        ? Optional.of(new RefundOutcome.ChargePrevented(orderId, true))
                        : Optional.empty();
                case Payment.Charged charged -> refund(charged, ids);
                case Payment.Refunded refunded -> Optional.of(new Reannounce(refunded.fact(), refunded.announcement()));
                case Payment.Cancelled earlier -> Optional.of(new RefundOutcome.NothingToRefund(orderId, earlier.state()));
                case Payment.Declined declined -> Optional.of(new RefundOutcome.NothingToRefund(orderId, declined.state()));
                case Payment.Failed failed -> Optional.of(new RefundOutcome.NothingToRefund(orderId, failed.state()));
            };
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new IllegalStateException("the payment of order " + orderId + " kept changing under "
                + MAX_ROUNDS + " attempts to refund it");
    }

    private Optional<RefundOutcome> refund(Payment.Charged charged, AnnouncementIds ids) {
        var receipt = gateway.refund(new RefundRequest(charged.orderId(), charged.chargeId(), charged.amount()));
        Payment.Refunded refunded = charged.refunded(receipt.refundId(),
                new Announcement(ids.eventIdFor(PaymentRefunded.class), clock.instant()));
        return payments.replace(charged, refunded)
                ? Optional.of(new RefundOutcome.Refunded(refunded.fact(), refunded.announcement()))
                : Optional.empty();
    }
}
