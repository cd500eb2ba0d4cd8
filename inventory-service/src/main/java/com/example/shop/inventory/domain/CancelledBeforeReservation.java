package com.example.shop.inventory.domain;

import java.time.Instant;

/**
 * A marker that an order was cancelled before inventory handled its {@code OrderPlaced}: events
 * travel on independent queues, so the cancellation can overtake the order.
 *
 * <p>When the late {@code OrderPlaced} arrives, it finds this marker and inventory reserves
 * nothing and announces nothing. Announcing {@code StockUnavailable} instead would state a
 * falsehood (stock may well exist) and make the notification service tell the customer their
 * cancelled order is out of stock; the order is already {@code CANCELLED}, so it needs no answer.
 *
 * @param orderId the cancelled order
 * @param customerId the customer who cancelled it
 * @param cancellationEventId the id of the {@code OrderCancelled} event
 * @param recordedAt when inventory wrote the marker
 */
public record CancelledBeforeReservation(String orderId, String customerId, String cancellationEventId,
                                         Instant recordedAt) implements OrderRecord {

    public CancelledBeforeReservation {
        if (orderId == null || orderId.isBlank() || customerId == null || customerId.isBlank()
                || cancellationEventId == null || cancellationEventId.isBlank() || recordedAt == null) {
            throw new IllegalArgumentException("a cancellation marker needs the order, customer, event id and time");
        }
    }
}
