package com.example.shop.shipping.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.ShipmentCancelled;

import java.time.Clock;
import java.util.Optional;

/**
 * Use case: when an order is cancelled, make sure no live shipment remains for it.
 *
 * <ul>
 *   <li>nothing recorded: write the cancel marker, only if the order still has no record, so a
 *       late {@code PaymentCharged} books nothing. If that write loses to a booking made
 *       meanwhile, read again: the booking is withdrawn as below;</li>
 *   <li>a booked shipment: withdraw it at the carrier (idempotency key: the order id), record it
 *       CANCELLED, only while it is still SCHEDULED, with the identity of its
 *       {@code ShipmentCancelled} (id derived from the cancellation's), and announce it;</li>
 *   <li>already CANCELLED: announce the recorded {@code ShipmentCancelled} again, same id and time;</li>
 *   <li>a cancel marker or a refusal: nothing is live, nothing to announce.</li>
 * </ul>
 */
public record CancelShipment(ShipmentRepository shipments, CarrierBookings carriers, Clock clock) {

    /** Enough for the longest path: none → (lost to a booking) SCHEDULED → (lost to a duplicate) CANCELLED. */
    private static final int MAX_ROUNDS = 3;

    /**
     * Settles the shipping side of a cancellation once.
     *
     * @param cancelled the cancellation, the cause of whatever is announced
     */
    public CancelOutcome cancel(EventEnvelope<OrderCancelled> cancelled) {
        String orderId = cancelled.data().orderId();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Optional<CancelOutcome> decided = decide(cancelled, shipments.find(orderId).orElse(null));
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        // The states have no cycles, so running out of rounds is a bug, not contention.
        throw new IllegalStateException("the shipment record of order " + orderId + " kept changing under "
                + MAX_ROUNDS + " attempts to cancel it");
    }

    /** One round: decide on what was read and write conditionally; empty when the write lost and the record must be read again. */
    private Optional<CancelOutcome> decide(EventEnvelope<OrderCancelled> cancelled, ShippingRecord stored) {
        String orderId = cancelled.data().orderId();
        return switch (stored) {
            case null -> shipments.add(new CancelMarker(orderId, cancelled.data().customerId()))
                    ? Optional.of(new CancelOutcome.BookingPrevented(orderId))
                    : Optional.empty();
            case Shipment booked -> withdraw(cancelled, booked);
            case CancelledShipment withdrawn -> Optional.of(new CancelOutcome.AlreadyWithdrawn(withdrawn,
                    withdrawn.announcedInReplyTo(cancelled)));
            case CancelMarker _, FailedShipment _ -> Optional.of(new CancelOutcome.NothingToCancel(orderId, stored.state()));
        };
    }

    private Optional<CancelOutcome> withdraw(EventEnvelope<OrderCancelled> cancelled, Shipment booked) {
        carriers.withdraw(booked.withdrawal());
        CancelledShipment withdrawn = booked.cancelled(
                Announcement.causedBy(cancelled, ShipmentCancelled.class, clock.instant()));
        return shipments.cancel(booked, withdrawn)
                ? Optional.of(new CancelOutcome.Withdrawn(withdrawn, withdrawn.announcedInReplyTo(cancelled)))
                : Optional.empty();
    }
}
