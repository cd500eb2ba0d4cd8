package com.example.shop.inventory.domain;

import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;

import java.util.List;

/**
 * What became of a placed order's request for stock, and what inventory announces about it.
 *
 * <p>A repeat (a redelivery, or the same order under another event id) announces the event that
 * the first decision recorded, with its original id, so that a publish that failed the first time
 * is made good and downstream consumers drop the duplicate.
 */
public sealed interface ReservationOutcome extends Announces {

    /**
     * Stock is held for every line; {@code StockReserved} is announced.
     *
     * @param announced the event to publish
     * @param repeated whether an earlier delivery had already reserved (the recorded event is announced again)
     */
    record Reserved(EventEnvelope<StockReserved> announced, boolean repeated) implements ReservationOutcome {
        @Override
        public List<EventEnvelope<? extends DomainEvent>> announcements() {
            return List.of(announced);
        }
    }

    /**
     * At least one line could not be supplied and nothing was reserved; {@code StockUnavailable}
     * is announced.
     *
     * @param announced the event to publish
     * @param repeated whether an earlier delivery had already refused (the recorded event is announced again)
     */
    record Unavailable(EventEnvelope<StockUnavailable> announced, boolean repeated) implements ReservationOutcome {
        @Override
        public List<EventEnvelope<? extends DomainEvent>> announcements() {
            return List.of(announced);
        }
    }

    /**
     * The order had been cancelled before its {@code OrderPlaced} was handled: nothing was reserved
     * and nothing is announced.
     *
     * @param marker the cancellation that came first
     */
    record CancelledFirst(CancelledBeforeReservation marker) implements ReservationOutcome {
        @Override
        public List<EventEnvelope<? extends DomainEvent>> announcements() {
            return List.of();
        }
    }
}
