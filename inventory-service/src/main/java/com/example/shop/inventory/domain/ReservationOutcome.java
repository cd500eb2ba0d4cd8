package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;

/**
 * What became of a placed order's request for stock.
 */
public sealed interface ReservationOutcome {

    /**
     * Stock is held for every line and {@code StockReserved} was announced.
     *
     * @param announced the event published
     * @param repeated whether an earlier delivery had already reserved (the same event was published again)
     */
    record Reserved(EventEnvelope<StockReserved> announced, boolean repeated) implements ReservationOutcome {
    }

    /**
     * At least one line could not be supplied, nothing was reserved, and {@code StockUnavailable}
     * was announced.
     *
     * @param announced the event published
     * @param repeated whether an earlier delivery had already refused (the same event was published again)
     */
    record Unavailable(EventEnvelope<StockUnavailable> announced, boolean repeated) implements ReservationOutcome {
    }

    /**
     * The order had been cancelled before its {@code OrderPlaced} was handled: nothing was reserved
     * and nothing announced.
     *
     * @param marker the cancellation that came first
     */
    record CancelledFirst(CancelledBeforeReservation marker) implements ReservationOutcome {
    }
}
