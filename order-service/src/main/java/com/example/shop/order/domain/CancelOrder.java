package com.example.shop.order.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.IdGenerator;
import com.example.shop.events.OrderCancelled;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Use case: a customer cancels their own order before it ships. The CANCELLED order is stored with
 * its {@code OrderCancelled} event in one write; inventory releases the stock and payment refunds
 * the charge when they receive it.
 */
public record CancelOrder(OrderRepository orders, IdGenerator ids, Clock clock) {

    private static final int MAX_ATTEMPTS = 5;

    /** What cancelling led to. */
    public sealed interface Outcome {
        record Cancelled(Order order) implements Outcome {
        }

        /** No order with that id belongs to the caller (someone else's order looks the same). */
        record NotFound() implements Outcome {
        }

        record NotCancellable(OrderStatus status) implements Outcome {
        }
    }

    /**
     * Cancels the caller's order, reloading and deciding again when another writer changed it
     * between the read and the conditional write.
     *
     * @throws OrderChangedConcurrentlyException when the order changed under every attempt
     */
    public Outcome cancel(OrderId id, String customerId, String reason, String requestId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            var found = orders.find(id).filter(order -> order.belongsTo(customerId));
            if (found.isEmpty()) {
                return new Outcome.NotFound();
            }
            Order order = found.get();
            Instant now = clock.instant();
            switch (order.cancel(reason, requestId, now)) {
                case Order.CancelOutcome.NotCancellable refused -> {
                    return new Outcome.NotCancellable(refused.status());
                }
                case Order.CancelOutcome.Cancelled cancelled -> {
                    var event = EventEnvelope.of(new OrderCancelled(id.value(), customerId, reason),
                            ids.newId(), now, order.correlationId(), requestId);
                    if (orders.update(cancelled.order(), List.of(event))) {
                        return new Outcome.Cancelled(cancelled.order());
                    }
                }
            }
        }
        throw new OrderChangedConcurrentlyException(id, MAX_ATTEMPTS);
    }
}
