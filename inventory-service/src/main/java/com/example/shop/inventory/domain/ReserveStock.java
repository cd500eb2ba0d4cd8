package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.UnavailableLine;

import java.time.Clock;
import java.util.List;

/**
 * The use case "reserve stock for a placed order": all lines or none, then announce the outcome.
 *
 * <p>Delivery is at least once, so the decision is recorded under the order's id in the same
 * atomic step that takes the stock. A repeated {@code OrderPlaced} (the same event again, or a
 * republish with another event id) finds that record and announces the recorded event again,
 * with its original id, instead of deciding anew; downstream consumers drop the duplicate. The
 * publish happens after the record is written; if it fails, the exception makes the message
 * come back and the retry publishes what was recorded.
 */
public final class ReserveStock {

    /** How often to retry when stock was short in the transaction but sufficient when read back. */
    private static final int MAX_ATTEMPTS = 3;

    private final StockLedger ledger;
    private final EventPublisher publisher;
    private final Clock clock;
    private final EventIds ids;

    public ReserveStock(StockLedger ledger, EventPublisher publisher, Clock clock, EventIds ids) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
        this.ids = ids;
    }

    /** Reserves stock for every line of the order, or none, and announces which. */
    public ReservationOutcome reserve(EventEnvelope<OrderPlaced> placed) {
        OrderPlaced order = placed.data();
        List<ReservedLine> lines = ReservationLines.merge(order.lines());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Reservation reservation = Reservation.held(EventEnvelope.causedBy(placed,
                    new StockReserved(order.orderId(), order.customerId(), lines, order.total(),
                            order.paymentMethodRef(), order.shippingAddress()),
                    ids.derive(placed.eventId(), "StockReserved"), clock.instant()));
            switch (ledger.reserve(reservation)) {
                case StockLedger.Recorded _ -> {
                    publisher.publish(reservation.reservedEvent());
                    return new ReservationOutcome.Reserved(reservation.reservedEvent(), false);
                }
                case StockLedger.AlreadyRecorded(OrderRecord existing) -> {
                    return repeat(existing);
                }
                case StockLedger.StockShort _ -> {
                    List<UnavailableLine> unavailable = ReservationLines.unavailable(lines,
                            ledger.availableUnits(lines.stream().map(ReservedLine::productId).toList()));
                    if (!unavailable.isEmpty()) {
                        return refuse(placed, unavailable);
                    }
                    // Stock was released or restocked between the transaction and the read:
                    // the order may now fit, so try the reservation again.
                }
            }
        }
        throw new IllegalStateException("stock for order " + order.orderId() + " kept changing during "
                + MAX_ATTEMPTS + " reservation attempts");
    }

    private ReservationOutcome refuse(EventEnvelope<OrderPlaced> placed, List<UnavailableLine> unavailable) {
        OrderPlaced order = placed.data();
        Refusal refusal = new Refusal(EventEnvelope.causedBy(placed,
                new StockUnavailable(order.orderId(), order.customerId(), unavailable),
                ids.derive(placed.eventId(), "StockUnavailable"), clock.instant()));
        return switch (ledger.record(refusal)) {
            case StockLedger.Recorded _ -> {
                publisher.publish(refusal.unavailableEvent());
                yield new ReservationOutcome.Unavailable(refusal.unavailableEvent(), false);
            }
            case StockLedger.AlreadyRecorded(OrderRecord existing) -> repeat(existing);
        };
    }

    /** An earlier delivery decided already: announce exactly what it announced (never skip the publish). */
    private ReservationOutcome repeat(OrderRecord existing) {
        return switch (existing) {
            case Reservation reservation -> {
                publisher.publish(reservation.reservedEvent());
                yield new ReservationOutcome.Reserved(reservation.reservedEvent(), true);
            }
            case Refusal refusal -> {
                publisher.publish(refusal.unavailableEvent());
                yield new ReservationOutcome.Unavailable(refusal.unavailableEvent(), true);
            }
            case CancelledBeforeReservation marker -> new ReservationOutcome.CancelledFirst(marker);
        };
    }
}
