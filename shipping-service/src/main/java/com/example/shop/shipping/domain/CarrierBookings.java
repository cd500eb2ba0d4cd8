package com.example.shop.shipping.domain;

import com.example.shop.events.Money;
import com.example.shop.events.ShippingAddress;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The parcel carriers, as shipping needs them: book a parcel for an order, withdraw a booking
 * before dispatch.
 *
 * <p>Both calls carry an idempotency key (the order id). The carriers answer a repeated booking
 * with the booking they made the first time, so a booking repeated after a crash (booked, the
 * function died before recording it) or by a duplicate delivery is the same parcel, not a second
 * one; a withdrawal of a booking already withdrawn, or unknown to the carrier, is accepted.
 * A carrier that cannot answer now throws, and the message is retried.
 */
public interface CarrierBookings {

    /**
     * Asks the carriers to take the parcel.
     *
     * @return booked with the carrier's tracking number and delivery estimate, or refused with the
     *         carrier's reason
     */
    BookingResult book(Parcel parcel);

    /** Takes a booking back before dispatch: no parcel will be collected. */
    void withdraw(Withdrawal withdrawal);

    /**
     * A parcel to book.
     *
     * @param orderId the order shipped, the idempotency key of the booking
     * @param destination where it goes
     * @param declaredValue what it is worth, the amount the customer paid
     */
    record Parcel(String orderId, ShippingAddress destination, Money declaredValue) {
        public Parcel {
            requireText(orderId, "orderId");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(declaredValue, "declaredValue");
        }
    }

    /** What the carriers said to a booking. */
    sealed interface BookingResult permits Booked, Refused {
    }

    /** A carrier took the parcel. */
    record Booked(String carrier, String trackingNumber, LocalDate estimatedDelivery) implements BookingResult {
        public Booked {
            requireText(carrier, "carrier");
            requireText(trackingNumber, "trackingNumber");
            Objects.requireNonNull(estimatedDelivery, "estimatedDelivery");
        }
    }

    /** No carrier would take the parcel, for a reason that may be shown to the customer. */
    record Refused(String reason) implements BookingResult {
        public Refused {
            requireText(reason, "reason");
        }
    }

    /**
     * A booking to take back.
     *
     * @param orderId the order whose parcel it was, the idempotency key of the booking
     * @param carrier the carrier that took it
     * @param trackingNumber the carrier's tracking number of the parcel
     */
    record Withdrawal(String orderId, String carrier, String trackingNumber) {
        public Withdrawal {
            requireText(orderId, "orderId");
            requireText(carrier, "carrier");
            requireText(trackingNumber, "trackingNumber");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
