package com.example.shop.payment.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.Money;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentEvent;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShippingAddress;

import java.util.Objects;

/**
 * The payment of one order, in one of the states of {@link PaymentState}; each state is its own
 * record, and a transition is a method that exists only on the states it may start from, so an
 * illegal move (refunding a declined payment, charging a cancelled one) cannot be written.
 *
 * <p>Every {@link Decided decided} outcome keeps the {@link Announcement} it was announced under
 * and can state the fact again, because a redelivered message must lead to the same event, not a
 * new one.
 */
public sealed interface Payment permits Payment.Charging, Payment.Cancelled, Payment.Decided {

    /** The order being paid for; one payment per order. */
    String orderId();

    /** The customer who pays. */
    String customerId();

    /** The stage reached, which is also the condition of the next write. */
    default PaymentState state() {
        return switch (this) {
            case Charging _ -> PaymentState.CHARGING;
            case Cancelled _ -> PaymentState.CANCELLED;
            case Charged _ -> PaymentState.CHARGED;
            case Declined _ -> PaymentState.DECLINED;
            case Failed _ -> PaymentState.FAILED;
            case Refunded _ -> PaymentState.REFUNDED;
        };
    }

    /** A charge is about to be sent to the provider for a reserved order. */
    static Charging start(String orderId, String customerId, Money amount) {
        return new Charging(orderId, customerId, amount);
    }

    /** The order was cancelled before payment heard of it: no charge may follow. */
    static Cancelled cancelledBeforeCharge(String orderId, String customerId) {
        return new Cancelled(orderId, customerId, null);
    }

    /** The retries ran out before a charge could even be started. */
    static Failed abandonedBeforeCharge(String orderId, String customerId, Money amount, String reason,
                                        Announcement announcement) {
        return new Failed(orderId, customerId, amount, reason, announcement);
    }

    /**
     * A payment that reached an outcome the shop was told about: it keeps the identity of that
     * announcement, and a repeat announces the same fact under it again.
     */
    sealed interface Decided extends Payment permits Charged, Declined, Failed, Refunded {

        /** The amount charged, declined, given up on or refunded. */
        Money amount();

        /** The event id and time the outcome was announced under. */
        Announcement announcement();

        /**
         * The fact that was announced; a charge forwards the reservation's shipping address, which
         * the payment does not store, so the caller passes it in.
         */
        default PaymentEvent announcedFact(ShippingAddress forwardedAddress) {
            return switch (this) {
                case Charged charged -> charged.fact(forwardedAddress);
                case Declined declined -> declined.fact();
                case Failed failed -> failed.fact();
                case Refunded refunded -> refunded.fact();
            };
        }
    }

    /** Sent to the provider (under the order id as idempotency key); its result is not recorded yet. */
    record Charging(String orderId, String customerId, Money amount) implements Payment {

        public Charging {
            requireIds(orderId, customerId);
            Objects.requireNonNull(amount, "amount");
        }

        public Charged charged(String chargeId, Announcement announcement) {
            return new Charged(orderId, customerId, amount, chargeId, announcement);
        }

        public Declined declined(String reason, Announcement announcement) {
            return new Declined(orderId, customerId, amount, reason, announcement);
        }

        public Failed abandoned(String reason, Announcement announcement) {
            return new Failed(orderId, customerId, amount, reason, announcement);
        }

        /** The order was cancelled while the charge was in flight; the charging side refunds if it went through. */
        public Cancelled cancelled() {
            return new Cancelled(orderId, customerId, amount);
        }
    }

    /** The provider took the money. */
    record Charged(String orderId, String customerId, Money amount, String chargeId, Announcement announcement)
            implements Decided {

        public Charged {
            requireDecided(orderId, customerId, amount, announcement);
            requireText(chargeId, "chargeId");
        }

        /** The fact; the address is not stored with the payment, it is forwarded from the reservation. */
        public PaymentCharged fact(ShippingAddress shippingAddress) {
            return new PaymentCharged(orderId, customerId, chargeId, amount, shippingAddress);
        }

        public Refunded refunded(String refundId, Announcement refundAnnouncement) {
            return new Refunded(orderId, customerId, amount, chargeId, refundId, refundAnnouncement);
        }
    }

    /** The provider refused; nothing was charged. */
    record Declined(String orderId, String customerId, Money amount, String reason, Announcement announcement)
            implements Decided {

        public Declined {
            requireDecided(orderId, customerId, amount, announcement);
            requireText(reason, "reason");
        }

        public PaymentDeclined fact() {
            return new PaymentDeclined(orderId, customerId, amount, reason);
        }
    }

    /** Payment gave up after the provider stayed unavailable; the saga compensates. */
    record Failed(String orderId, String customerId, Money amount, String reason, Announcement announcement)
            implements Decided {

        public Failed {
            requireDecided(orderId, customerId, amount, announcement);
            requireText(reason, "reason");
        }

        public PaymentFailed fact() {
            return new PaymentFailed(orderId, customerId, reason);
        }
    }

    /**
     * The order was cancelled before a charge was recorded.
     *
     * @param amountInFlight the amount of a charge that had been sent to the provider when the
     *                       cancellation arrived, or {@code null} when none had been started
     */
    record Cancelled(String orderId, String customerId, Money amountInFlight) implements Payment {

        public Cancelled {
            requireIds(orderId, customerId);
        }

        /** Whether a charge had been sent to the provider, so that it may have gone through. */
        public boolean chargeInFlight() {
            return amountInFlight != null;
        }

        /** The charge that was in flight went through and has been given back. */
        public Refunded refunded(String chargeId, String refundId, Announcement announcement) {
            if (!chargeInFlight()) {
                throw new IllegalStateException("order " + orderId + " was cancelled before any charge; "
                        + "there is nothing to refund");
            }
            return new Refunded(orderId, customerId, amountInFlight, chargeId, refundId, announcement);
        }
    }

    /** The money went back to the customer after the order was cancelled or could not be shipped. */
    record Refunded(String orderId, String customerId, Money amount, String chargeId, String refundId,
                    Announcement announcement) implements Decided {

        public Refunded {
            requireDecided(orderId, customerId, amount, announcement);
            requireText(chargeId, "chargeId");
            requireText(refundId, "refundId");
        }

        public PaymentRefunded fact() {
            return new PaymentRefunded(orderId, customerId, refundId, amount);
        }
    }

    private static void requireDecided(String orderId, String customerId, Money amount, Announcement announcement) {
        requireIds(orderId, customerId);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(announcement, "announcement");
    }

    private static void requireIds(String orderId, String customerId) {
        requireText(orderId, "orderId");
        requireText(customerId, "customerId");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
