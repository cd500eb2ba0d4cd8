package com.example.shop.localcloud.journey;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of a journey.
 *
 * @param at            when it happened
 * @param kind          what kind of step it is
 * @param actor         the function that acted, or the source service that published
 * @param eventType     the event handled or published, or the HTTP route for a request
 * @param eventId       the event's id, or the request id
 * @param causationId   what caused the event, or {@code null}
 * @param correlationId the journey the step belongs to
 * @param orderId       the order, where known
 * @param duration      how long the handler ran, or {@code null}
 * @param outcome       how it ended (SUCCEEDED, FAILED, ...), or {@code null}
 */
public record Hop(Instant at, Kind kind, String actor, String eventType, String eventId, String causationId,
                  String correlationId, String orderId, Duration duration, String outcome) {

    /** What happened at a hop. */
    public enum Kind {
        /** An HTTP request reached a function. */
        REQUEST,
        /** An event was put on the bus. */
        PUBLISHED,
        /** A function handled an event delivered through its queue. */
        HANDLED,
        /** A message failed for the last time its queue allows and moves to the DLQ. */
        DEAD_LETTERED
    }
}
