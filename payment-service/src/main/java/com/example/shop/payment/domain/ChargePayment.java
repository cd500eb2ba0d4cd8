package com.example.shop.payment.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentEvent;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.StockReserved;
import com.example.shop.payment.domain.PaymentGateway.Approved;
import com.example.shop.payment.domain.PaymentGateway.ChargeRequest;
import com.example.shop.payment.domain.PaymentGateway.ChargeResult;
import com.example.shop.payment.domain.PaymentGateway.RefundRequest;

import java.time.Clock;
import java.util.Optional;

/**
 * Use case: charge the customer for an order whose stock is reserved, exactly once however often
 * the reservation is delivered.
 *
 * <p>The payment record keyed by order id drives every decision, and every write to it is
 * conditional on the state that was read:
 * <ul>
 *   <li>no payment yet: record CHARGING, then ask the provider with the order id as idempotency
 *       key, then record CHARGED or DECLINED together with the identity it is announced under
 *       (its id derived from the reservation's, see {@code EventIds});</li>
 *   <li>still CHARGING (an earlier attempt failed or crashed): ask the provider again under the
 *       same key; it answers with the first result and never charges twice;</li>
 *   <li>already CHARGED, DECLINED, FAILED or REFUNDED: announce the recorded outcome again under
 *       its recorded event id and time; the provider is not called;</li>
 *   <li>CANCELLED before any charge: nothing is charged and nothing announced.</li>
 * </ul>
 * The outcome carries the events to announce; the caller publishes them.
 *
 * <p><b>The cancel-while-charging race.</b> The customer may cancel while the charge is at the
 * provider. The refund side then finds CHARGING, cannot refund what is not recorded, and moves
 * the payment to CANCELLED, remembering that a charge was in flight. When the provider's approval
 * comes back, recording CHARGED fails because the payment is no longer CHARGING; this use case
 * reads it again, sees CANCELLED with a charge in flight, refunds that charge at once (under the
 * same idempotency key) and records REFUNDED, so the shop hears {@code PaymentRefunded} instead
 * of {@code PaymentCharged} and no money is kept for a cancelled order. If the function crashes
 * between the approval and that refund, the redelivery finds the same CANCELLED payment, repeats
 * the charge under the original key to learn its result (the provider replays its first answer
 * rather than charging again; had the first attempt never reached it, this charge is the one
 * refunded) and refunds then.
 *
 * <p>The provider being unavailable is thrown as {@link PaymentProviderUnavailableException}:
 * nothing is recorded beyond CHARGING and the message is retried.
 */
public record ChargePayment(PaymentRepository payments, PaymentGateway gateway, Clock clock) {

    /** Enough rounds for: create, charge, lose the race to a cancellation, refund, lose again to a duplicate. */
    private static final int MAX_ROUNDS = 6;

    /**
     * Charges the reserved order once.
     *
     * @param reserved the reservation, which carries amount, payment method and address, and is
     *                 the cause of whatever is announced
     * @throws PaymentProviderUnavailableException when the provider cannot answer now
     */
    public ChargeOutcome charge(EventEnvelope<StockReserved> reserved) {
        Attempt attempt = new Attempt(reserved);
        String orderId = reserved.data().orderId();
        return Rounds.untilDecided(orderId, MAX_ROUNDS, "settle it", () -> switch (payments.find(orderId).orElse(null)) {
            case null -> attempt.begin();
            case Payment.Charging charging -> attempt.completeAtProvider(charging);
            case Payment.Cancelled cancelled -> attempt.settleCancelled(cancelled);
            case Payment.Decided decided -> Optional.of(AlreadyRecorded.of(decided, reserved));
        });
    }

    /** One delivery's work; it asks the provider at most once, whatever the rounds. */
    private final class Attempt {

        private final EventEnvelope<StockReserved> cause;
        private final StockReserved reserved;
        private ChargeResult providerResult;

        Attempt(EventEnvelope<StockReserved> cause) {
            this.cause = cause;
            this.reserved = cause.data();
        }

        /** Nothing recorded yet: claim the order for charging; the next round does the charging. */
        Optional<ChargeOutcome> begin() {
            payments.create(Payment.start(reserved.orderId(), reserved.customerId(), reserved.total()));
            return Optional.empty();
        }

        Optional<ChargeOutcome> completeAtProvider(Payment.Charging charging) {
            return switch (resultAtProvider()) {
                case Approved approved -> {
                    Payment.Charged charged = charging.charged(approved.chargeId(), announce(PaymentCharged.class));
                    yield payments.replace(charging, charged)
                            ? Optional.of(new ChargeOutcome.Charged(EventEnvelope.causedBy(cause,
                                    charged.fact(reserved.shippingAddress()), charged.announcement())))
                            : Optional.empty();
                }
                case PaymentGateway.Declined declined -> {
                    Payment.Declined recorded = charging.declined(declined.reason(), announce(PaymentDeclined.class));
                    yield payments.replace(charging, recorded)
                            ? Optional.of(new ChargeOutcome.Declined(EventEnvelope.causedBy(cause, recorded.fact(),
                                    recorded.announcement())))
                            : Optional.empty();
                }
            };
        }

        /** Cancelled: skip when nothing was sent; otherwise give back whatever the provider took. */
        Optional<ChargeOutcome> settleCancelled(Payment.Cancelled cancelled) {
            if (!cancelled.chargeInFlight() || !(resultAtProvider() instanceof Approved approved)) {
                return Optional.of(new ChargeOutcome.NothingCharged(reserved.orderId()));
            }
            var receipt = gateway.refund(new RefundRequest(reserved.orderId(), approved.chargeId(),
                    cancelled.amountInFlight()));
            Payment.Refunded refunded = cancelled.refunded(approved.chargeId(), receipt.refundId(),
                    announce(PaymentRefunded.class));
            return payments.replace(cancelled, refunded)
                    ? Optional.of(new ChargeOutcome.RefundedAfterCancel(EventEnvelope.causedBy(cause, refunded.fact(),
                            refunded.announcement())))
                    : Optional.empty();
        }

        /** The provider's answer for this order, asked once; a repeat under the same key is a replay. */
        private ChargeResult resultAtProvider() {
            if (providerResult == null) {
                providerResult = gateway.charge(new ChargeRequest(reserved.orderId(), reserved.total(),
                        reserved.paymentMethodRef()));
            }
            return providerResult;
        }

        /** The identity of an outcome decided now: its id derived from the reservation's, so a retry decides the same. */
        private Announcement announce(Class<? extends PaymentEvent> type) {
            return Announcement.causedBy(cause, type, clock.instant());
        }
    }
}
