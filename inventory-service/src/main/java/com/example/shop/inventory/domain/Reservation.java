package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;

import java.util.List;
import java.util.Optional;

/**
 * Stock held for one order, all lines or none, until payment succeeds or the reservation is
 * released; released at most once.
 *
 * @param reservedEvent the {@code StockReserved} announced when the stock was taken
 * @param releasedEvent the {@code StockReleased} announced when it was given back, or {@code null}
 *                      while the stock is still held
 */
public record Reservation(EventEnvelope<StockReserved> reservedEvent, EventEnvelope<StockReleased> releasedEvent)
        implements OrderRecord {

    public Reservation {
        if (reservedEvent == null) {
            throw new IllegalArgumentException("reservedEvent must not be null");
        }
        if (releasedEvent != null) {
            StockReserved held = reservedEvent.data();
            StockReleased released = releasedEvent.data();
            if (!held.orderId().equals(released.orderId()) || !held.lines().equals(released.lines())) {
                throw new IllegalArgumentException("a release must give back exactly the lines reserved for order "
                        + held.orderId());
            }
        }
    }

    /** A reservation whose stock is held. */
    public static Reservation held(EventEnvelope<StockReserved> reservedEvent) {
        return new Reservation(reservedEvent, null);
    }

    /**
     * This reservation with its stock given back, announced by {@code releasedEvent}.
     *
     * @throws IllegalStateException when it was already released: stock is returned only once
     */
    public Reservation releasedBy(EventEnvelope<StockReleased> releasedEvent) {
        if (isReleased()) {
            throw new IllegalStateException("the reservation of order " + orderId() + " was already released by "
                    + this.releasedEvent.eventId());
        }
        return new Reservation(reservedEvent, releasedEvent);
    }

    /** Whether the stock was given back. */
    public boolean isReleased() {
        return releasedEvent != null;
    }

    /** The release announcement, when the stock was given back. */
    public Optional<EventEnvelope<StockReleased>> release() {
        return Optional.ofNullable(releasedEvent);
    }

    @Override
    public String orderId() {
        return reservedEvent.data().orderId();
    }

    /** The customer who placed the order. */
    public String customerId() {
        return reservedEvent.data().customerId();
    }

    /** The units held, one line per product. */
    public List<ReservedLine> lines() {
        return reservedEvent.data().lines();
    }
}
