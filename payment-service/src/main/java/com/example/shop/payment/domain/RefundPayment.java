package com.example.shop.payment.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderScoped;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.payment.domain.PaymentGateway.RefundRequest;

import java.time.Clock;
import java.util.Optional;

/**
 * Use case: when an order will not be shipped — the customer cancelled it, or no carrier would
 * take its parcel — give back what was charged, or make sure nothing will be. Both causes settle
 * the payment by the same rule, because in both the shop may keep no money for the order.
 *
 * <ul>
 *   <li>CHARGED: refund at the provider (idempotency key: the order id), record REFUNDED with the
 *       identity it is announced under (id derived from the cause's), announce
 *       {@code PaymentRefunded};</li>
 *   <li>no payment yet: record CANCELLED, so the reservation's charge, should it still arrive,
 *       is skipped;</li>
 *   <li>CHARGING: record CANCELLED with the charge in flight; the charging side notices when it
 *       fails to record CHARGED and refunds (see {@link ChargePayment});</li>
 *   <li>REFUNDED: announce the recorded refund again under its recorded event id and time, never a
 *       second refund — also when the refund was made for the other cause (a cancel, then a
 *       shipment failure for the same order);</li>
 *   <li>DECLINED, FAILED, CANCELLED: nothing was taken, nothing to do.</li>
 * </ul>
 *
 * <p>A {@code ShipmentFailed} only ever follows a recorded charge (shipping books after
 * {@code PaymentCharged}, which is announced after CHARGED is written, and states never go back),
 * so in practice it finds CHARGED or, when a cancel got there first, REFUNDED. Should it find
 * anything else, it is settled like a cancel: the rule above keeps no money in every state.
 */
public record RefundPayment(PaymentRepository payments, PaymentGateway gateway, Clock clock) {

    private static final int MAX_ROUNDS = 4;

    /**
     * Settles the payment side of a cancellation once.
     *
     * @param cancelled the cancellation, the cause of whatever is announced
     * @throws PaymentProviderUnavailableException when the provider cannot refund now
     */
    public RefundOutcome onCancelled(EventEnvelope<OrderCancelled> cancelled) {
        return settle(cancelled, cancelled.data());
    }

    /**
     * Settles the payment side of a shipment that no carrier would book, once.
     *
     * @param failed the shipment failure, the cause of whatever is announced
     * @throws PaymentProviderUnavailableException when the provider cannot refund now
     */
    public RefundOutcome onShipmentFailed(EventEnvelope<ShipmentFailed> failed) {
        return settle(failed, failed.data());
    }

    private RefundOutcome settle(EventEnvelope<? extends DomainEvent> cause, OrderScoped order) {
        String orderId = order.orderId();
        return Rounds.untilDecided(orderId, MAX_ROUNDS, "refund it", () -> {
            Payment payment = payments.find(orderId).orElse(null);
            return switch (payment) {
                case null -> payments.create(Payment.cancelledBeforeCharge(orderId, order.customerId()))
                        ? Optional.of(new RefundOutcome.ChargePrevented(orderId, false))
                        : Optional.empty();
                case Payment.Charging charging -> payments.replace(charging, charging.cancelled())
                        ? Optional.of(new RefundOutcome.ChargePrevented(orderId, true))
                        : Optional.empty();
                case Payment.Charged charged -> refund(cause, charged);
                case Payment.Refunded refunded -> Optional.of(new AlreadyRecorded(
                        EventEnvelope.causedBy(cause, refunded.fact(), refunded.announcement())));
                case Payment.Cancelled _, Payment.Declined _, Payment.Failed _ ->
                        Optional.of(new RefundOutcome.NothingToRefund(orderId, payment.state()));
            };
        });
    }

    private Optional<RefundOutcome> refund(EventEnvelope<? extends DomainEvent> cause, Payment.Charged charged) {
        var receipt = gateway.refund(new RefundRequest(charged.orderId(), charged.chargeId(), charged.amount()));
        Payment.Refunded refunded = charged.refunded(receipt.refundId(),
                Announcement.causedBy(cause, PaymentRefunded.class, clock.instant()));
        return payments.replace(charged, refunded)
                ? Optional.of(new RefundOutcome.Refunded(EventEnvelope.causedBy(cause, refunded.fact(),
                        refunded.announcement())))
                : Optional.empty();
    }
}
