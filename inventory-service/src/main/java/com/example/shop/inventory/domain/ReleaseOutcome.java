package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.StockReleased;

/**
 * What became of a request to give an order's stock back.
 */
public sealed interface ReleaseOutcome {

    /**
     * The reserved units are back in available stock and {@code StockReleased} was announced.
     *
     * @param announced the event published
     * @param repeated whether the stock had been released before (by a redelivery or another trigger), so
     *                 the recorded event was published again and stock was not touched
     */
    record Released(EventEnvelope<StockReleased> announced, boolean repeated) implements ReleaseOutcome {
    }

    /**
     * No stock was held for the order, so nothing was given back and nothing announced.
     *
     * @param orderId the order
     * @param why what inventory knows about the order
     */
    record NothingToRelease(String orderId, Why why) implements ReleaseOutcome {
    }

    /**
     * The order was cancelled before its {@code OrderPlaced} was handled; a marker now stops the
     * late order from reserving anything. Nothing announced.
     *
     * @param marker the marker written
     */
    record CancellationNoted(CancelledBeforeReservation marker) implements ReleaseOutcome {
    }

    /** Why an order had nothing to release. */
    enum Why {
        /** Inventory has no record of the order (a payment event with no reservation behind it). */
        NEVER_RESERVED,
        /** The order was refused for lack of stock; nothing was ever held. */
        STOCK_WAS_UNAVAILABLE,
        /** The order was cancelled before it was reserved, and that is already recorded. */
        CANCELLED_BEFORE_RESERVATION
    }
}
