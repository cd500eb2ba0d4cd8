package com.example.shop.order.domain;

import com.example.shop.events.Money;
import com.example.shop.events.OrderLine;
import com.example.shop.events.ShippingAddress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's order: what was bought at which prices, where it goes, and the saga's progress as a
 * forward-only status with a history of every change applied.
 *
 * <p>Instances are immutable; every change returns a new order with {@link #version()} one
 * higher, which the repository uses for optimistic locking.
 *
 * @param id                 the order's id
 * @param customerId         the customer who placed it (the token's subject)
 * @param customerEmail      where notifications go
 * @param lines              one line per product, priced from the order service's price table
 * @param total              the sum of the lines
 * @param shippingAddress    where it is shipped
 * @param paymentMethodRef   the customer's payment method reference (no card data)
 * @param status             where it stands in the saga
 * @param history            every applied change, oldest first
 * @param correlationId      the id that follows the order through every service and log line
 * @param requestFingerprint a digest of the placing request, to tell an idempotent replay from a
 *                           reused idempotency key
 * @param version            incremented by every change
 */
public record Order(
        OrderId id,
        String customerId,
        String customerEmail,
        List<OrderLine> lines,
        Money total,
        ShippingAddress shippingAddress,
        String paymentMethodRef,
        OrderStatus status,
        List<StatusChange> history,
        String correlationId,
        String requestFingerprint,
        long version) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(correlationId, "correlationId");
        lines = List.copyOf(lines);
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("an order has at least the history entry of its placing");
        }
    }

    /** A new PENDING order; its history starts with the placing request. */
    public static Order place(OrderId id, String customerId, String customerEmail, List<OrderLine> lines,
                              ShippingAddress shippingAddress, String paymentMethodRef, String correlationId,
                              String requestId, String requestFingerprint, Instant now) {
        Money total = lines.stream().map(l -> l.unitPrice().times(l.quantity()))
                .reduce(Money::plus).orElseThrow(() -> new IllegalArgumentException("an order needs lines"));
        return new Order(id, customerId, customerEmail, lines, total, shippingAddress, paymentMethodRef,
                OrderStatus.PENDING, List.of(new StatusChange(OrderStatus.PENDING, "OrderPlaced", now, requestId, null)),
                correlationId, requestFingerprint, 0);
    }

    /** Whether this order belongs to {@code customerId}. */
    public boolean belongsTo(String customer) {
        return customerId.equals(customer);
    }

    /** Whether the change caused by {@code causeId} is already in the history. */
    public boolean hasApplied(String causeId) {
        return history.stream().anyMatch(change -> change.causeId().equals(causeId));
    }

    /**
     * Applies a step of the saga. A step moves the status only forward; a step that would move it
     * backwards or out of a final status is stale and changes nothing, and so is a duplicate. A
     * failure ends an open order still behind the step it failed at; a compensation is recorded
     * once, whatever the status.
     */
    public Optional<Order> advance(SagaStep step, String causeId, Instant at) {
        if (hasApplied(causeId)) {
            return Optional.empty();
        }
        return switch (step) {
            case SagaStep.Progress progress -> status.isBehind(progress.to())
                    ? Optional.of(record(new StatusChange(progress.to(), progress.event(), at, causeId, null)))
                    : Optional.empty();
            case SagaStep.Failure failure -> status.isBehind(failure.before())
                    ? Optional.of(record(new StatusChange(failure.to(), failure.event(), at, causeId, failure.reason())))
                    : Optional.empty();
            case SagaStep.Compensation compensation -> alreadyRecorded(compensation.event())
                    ? Optional.empty()
                    : Optional.of(record(new StatusChange(status, compensation.event(), at, causeId, null)));
        };
    }

    /** Cancels the order if it has not shipped; the outcome tells the caller which. */
    public CancelOutcome cancel(String reason, String requestId, Instant at) {
        if (!status.isCancellable()) {
            return new CancelOutcome.NotCancellable(status);
        }
        return new CancelOutcome.Cancelled(record(new StatusChange(OrderStatus.CANCELLED, "OrderCancelled", at,
                requestId, reason)));
    }

    private boolean alreadyRecorded(String event) {
        return history.stream().anyMatch(change -> change.event().equals(event));
    }

    private Order record(StatusChange change) {
        List<StatusChange> next = new ArrayList<>(history);
        next.add(change);
        return new Order(id, customerId, customerEmail, lines, total, shippingAddress, paymentMethodRef,
                change.status(), next, correlationId, requestFingerprint, version + 1);
    }

    /** What cancelling led to. */
    public sealed interface CancelOutcome {
        /** The order is now CANCELLED. */
        record Cancelled(Order order) implements CancelOutcome {
        }

        /** The order was already shipped or had ended otherwise. */
        record NotCancellable(OrderStatus status) implements CancelOutcome {
        }
    }
}
