package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.UnavailableLine;

import java.time.Clock;
import java.util.List;

/**
 * The use case "reserve stock for a placed order": all lines or none, and the outcome says which
 * event to announce.
 *
 * <p>Delivery is at least once, so the decision is recorded under the order's id in the same
 * atomic step that takes the stock, together with the event that announces it. A repeated
 * {@code OrderPlaced} (the same event again, or a republish with another event id) finds that
 * record and announces the recorded event again, with its original id, instead of deciding anew;
 * downstream consumers drop the duplicate. The use case never publishes: its caller publishes
 * what the outcome announces, and if that fails, the redelivery announces what was recorded.
 *
 * @param ledger the inventory books
 * @param clock when a decision is made
 */
public record ReserveStock(StockLedger ledger, Clock clock) {

    /** How often to retry when stock was short in the transaction but sufficient when read back. */
    private static final int MAX_ATTEMPTS = 3;

    /** Reserves stock for every line of the order, or none, and says what to announce. */
    public ReservationOutcome reserve(EventEnvelope<OrderPlaced> placed) {
        OrderPlaced order = placed.data();
        List<ReservedLine> lines = ReservationLines.merge(order.lines());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Reservation reservation = Reservation.held(EventEnvelope.causedBy(placed,
                    new StockReserved(order.orderId(), order.customerId(), lines, order.total(),
                            order.paymentMethodRef(), order.shippingAddress()),
                    clock.instant()));
            switch (ledger.reserve(reservation)) {
                case StockLedger.Recorded _ -> {
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
                new StockUnavailable(order.orderId(), order.customerId(), unavailable), clock.instant()));
        return switch (ledger.record(refusal)) {
            case StockLedger.Recorded _ -> new ReservationOutcome.Unavailable(refusal.unavailableEvent(), false);
            case StockLedger.AlreadyRecorded(OrderRecord existing) -> repeat(existing);
        };
    }

    /**
     * An earlier delivery decided already: announce exactly what it announced (never announce
     * nothing, since its publish may have failed).
     */
    private static ReservationOutcome repeat(OrderRecord existing) {
        return switch (existing) {
            case Reservation reservation -> new ReservationOutcome.Reserved(reservation.reservedEvent(), true);
            case Refusal refusal -> new ReservationOutcome.Unavailable(refusal.unavailableEvent(), true);
            case CancelledBeforeReservation marker -> new ReservationOutcome.CancelledFirst(marker);
        };
    }
}
