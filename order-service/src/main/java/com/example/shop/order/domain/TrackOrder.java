package com.example.shop.order.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderScoped;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Use case: follow the saga. Each event from inventory, payment or shipping is applied to its
 * order through the forward-only state machine; duplicates and stale events change nothing, and
 * every applied change is recorded in the order's history.
 */
public record TrackOrder(OrderRepository orders, Clock clock) {

    private static final int MAX_ATTEMPTS = 5;

    /** What applying an event led to. */
    public sealed interface Outcome {
        record Applied(Order order) implements Outcome {
        }

        /** A duplicate, a stale event, or one the status does not follow. */
        record Ignored(String why) implements Outcome {
        }
    }

    /**
     * Applies the event to its order.
     *
     * @throws IllegalStateException when the order is unknown: the message is retried and ends in
     *         the DLQ rather than being dropped (an order always exists before its saga events,
     *         because the outbox publishes OrderPlaced only after the order is stored)
     * @throws OrderChangedConcurrentlyException when the order changed under every attempt (redelivered)
     */
    public Outcome apply(EventEnvelope<? extends DomainEvent> envelope) {
        if (!(envelope.data() instanceof OrderScoped scoped)) {
            return new Outcome.Ignored(envelope.metadata().eventType() + " is not about an order");
        }
        Optional<SagaStep> step = SagaStep.of(envelope.data());
        if (step.isEmpty()) {
            return new Outcome.Ignored(envelope.metadata().eventType() + " does not move an order");
        }
        OrderId id = new OrderId(scoped.orderId());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Order order = orders.find(id).orElseThrow(() -> new IllegalStateException(
                    "no order " + id + " for " + envelope.metadata().eventType() + " " + envelope.eventId()));
            Optional<Order> next = order.advance(step.get(), envelope.eventId(), clock.instant());
            if (next.isEmpty()) {
                return new Outcome.Ignored(order.hasApplied(envelope.eventId()) ? "duplicate"
                        : "stale: order is " + order.status());
            }
            if (orders.update(next.get(), List.of())) {
                return new Outcome.Applied(next.get());
            }
        }
        throw new OrderChangedConcurrentlyException(id, MAX_ATTEMPTS);
    }
}
