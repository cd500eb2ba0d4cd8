package com.example.shop.order.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an order's history: what happened, the status it left the order in, and the id of
 * the event or request that caused it (which is how a duplicate is recognised).
 *
 * @param status  the order's status after the change
 * @param event   what happened, e.g. {@code OrderPlaced}, {@code StockReserved}, {@code StockReleased}
 * @param at      when the order service applied it
 * @param causeId the causing event's id, or the request id of a customer command
 * @param reason  a human reason where there is one (decline reason, cancellation reason), or null
 */
public record StatusChange(OrderStatus status, String event, Instant at, String causeId, String reason) {

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(causeId, "causeId");
    }
}
