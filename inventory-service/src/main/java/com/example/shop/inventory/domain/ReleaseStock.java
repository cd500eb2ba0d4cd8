package com.example.shop.inventory.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderScoped;
import com.example.shop.events.StockReleased;

import java.time.Clock;
import java.util.Optional;

/**
 * The use case "give an order's stock back" (the saga's compensation), triggered by a declined or
 * failed payment, by a cancellation, or by a shipment that no carrier would book.
 *
 * <p>Stock is released only if it is held and only once: the reservation's status moves from held
 * to released in the same atomic step that returns the units. Any later trigger for the same order
 * (a redelivery, a cancellation after a declined payment, or a cancellation and a shipment failure
 * of the same order) finds the released reservation and announces the recorded
 * {@code StockReleased} again with its original id, without touching stock. An order with nothing
 * held announces nothing; a cancellation that overtook its order leaves a marker so that the late
 * order reserves nothing. The use case never publishes: its caller publishes what the outcome
 * announces.
 *
 * @param ledger the inventory books
 * @param clock when a release or a marker is recorded
 */
public record ReleaseStock(StockLedger ledger, Clock clock) {

    /** A concurrent writer can change the order's record between our read and our write at most this often. */
    private static final int MAX_ATTEMPTS = 3;

    /**
     * Releases the order's reserved stock because of {@code cause}; the announced reason is the
     * cause's event type ({@code PaymentDeclined}, {@code PaymentFailed}, {@code OrderCancelled},
     * {@code ShipmentFailed}).
     */
    public <T extends DomainEvent & OrderScoped> ReleaseOutcome release(EventEnvelope<T> cause) {
        String orderId = cause.data().orderId();
        Optional<OrderRecord> current = ledger.recordOf(orderId);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (current.isEmpty()) {
                if (!(cause.data() instanceof OrderCancelled cancelled)) {
                    return new ReleaseOutcome.NothingToRelease(orderId, ReleaseOutcome.Why.NEVER_RESERVED);
                }
                CancelledBeforeReservation marker = new CancelledBeforeReservation(orderId, cancelled.customerId(),
                        cause.eventId(), clock.instant());
                switch (ledger.record(marker)) {
                    case StockLedger.Recorded _ -> {
                        return new ReleaseOutcome.CancellationNoted(marker);
                    }
                    // OrderPlaced was handled in the meantime: decide again on what it recorded.
                    case StockLedger.AlreadyRecorded(OrderRecord existing) -> current = Optional.of(existing);
                }
                continue;
            }
            switch (current.get()) {
                case Reservation reservation when reservation.isReleased() -> {
                    return new ReleaseOutcome.Released(reservation.release().orElseThrow(), true);
                }
                case Reservation reservation -> {
                    Reservation released = reservation.releasedBy(EventEnvelope.causedBy(cause,
                            new StockReleased(orderId, reservation.customerId(), reservation.lines(),
                                    cause.metadata().eventType()),
                            clock.instant()));
                    switch (ledger.release(released)) {
                        case StockLedger.Recorded _ -> {
                            return new ReleaseOutcome.Released(released.release().orElseThrow(), false);
                        }
                        // Another trigger released it first: announce what that one recorded.
                        case StockLedger.AlreadyRecorded(OrderRecord existing) -> current = Optional.of(existing);
                    }
                }
                case Refusal _ -> {
                    return new ReleaseOutcome.NothingToRelease(orderId, ReleaseOutcome.Why.STOCK_WAS_UNAVAILABLE);
                }
                case CancelledBeforeReservation _ -> {
                    return new ReleaseOutcome.NothingToRelease(orderId,
                            ReleaseOutcome.Why.CANCELLED_BEFORE_RESERVATION);
                }
            }
        }
        throw new IllegalStateException("the record of order " + orderId + " kept changing during "
                + MAX_ATTEMPTS + " release attempts");
    }
}
