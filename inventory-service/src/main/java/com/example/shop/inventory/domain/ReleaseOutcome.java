package com.example.shop.inventory.domain;

import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.StockReleased;

import java.util.List;

/**
 * What became of a request to give an order's stock back, and what inventory announces about it.
 */
public sealed interface ReleaseOutcome extends Announces {

    /**
     * The reserved units are back in available stock; {@code StockReleased} is announced.
     *
     * @param announced the event to publish
     * @param repeated whether the stock had been released before (by a redelivery or another trigger), so
     *                 the recorded event is announced again, with its original id, and stock was not touched
     */
    record Released(EventEnvelope<StockReleased> announced, boolean repeated) implements ReleaseOutcome {
        @Override
        public List<EventEnvelope<? extends DomainEvent>> announcements() {
            return List.of(announced);
        }
    }

    /**
     * No stock was held for the order, so nothing was given back and nothing is announced.
     *
     * @param orderId the order
     * @param why what inventory knows about the order
     */
    record NothingToRelease(String orderId, Why why) implements ReleaseOutcome {
        @Override
        public List<EventEnvelope<? extends DomainEvent>> announcements() {
            return List.of();
        }
    }

    /**
     * The order was cancelled before its {@code OrderPlaced} was handled; a marker now stops the
     * late order from reserving anything. Nothing is announced.
     *
     * @param marker the marker written
     */
    record CancellationNoted(CancelledBeforeReservation marker) implements ReleaseOutcome {
        @Override
        public List<EventEnvelope<? extends DomainEvent>> announcements() {
            return List.of();
        }
    }

    /** Why an order had nothing to release. */
    enum Why {
        /**
         * Inventory has no record of the order (a payment or shipping event with no reservation
         * behind it).
         */
        NEVER_RESERVED,
        /** The order was refused for lack of stock; nothing was ever held. */
        STOCK_WAS_UNAVAILABLE,
        /** The order was cancelled before it was reserved, and that is already recorded. */
        CANCELLED_BEFORE_RESERVATION
    }
}
