package com.example.shop.order.testing;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.OrderEvent;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderRepository;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The orders table in memory, with the same write rules as {@code DynamoDbOrderRepository} (both
 * run {@code OrderRepositoryContract}): {@code add} refuses an existing id, {@code update} refuses
 * a stale version, and each write replaces the order's outbox with the events it carried.
 *
 * <p>Every successful write is recorded with its events, so a test can say "this write put
 * OrderPlaced into the outbox". Given a publisher, the fake also plays the table's stream and the
 * outbox publisher: the events of each committed write (and of no refused one) are handed to it.
 * Failure hooks let a test play another writer: one that acts between a read and the next
 * conditional write, or one that keeps changing the order so that every update is refused.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    /** One successful write: the order as stored and the events that went into its outbox. */
    public record Write(Order order, List<EventEnvelope<? extends OrderEvent>> events) {
        public Write {
            events = List.copyOf(events);
        }
    }

    private final EventPublisher stream;
    private final Map<OrderId, Order> orders = new LinkedHashMap<>();
    private final Map<OrderId, List<EventEnvelope<? extends OrderEvent>>> outboxes = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private final Deque<Consumer<InMemoryOrderRepository>> beforeUpdates = new ArrayDeque<>();
    private boolean changingConcurrently;
    private int refusedWrites;

    /** A table whose stream nobody reads. */
    public InMemoryOrderRepository() {
        this(events -> { });
    }

    /** @param stream where the table's stream delivers the events of each committed write */
    public InMemoryOrderRepository(EventPublisher stream) {
        this.stream = stream;
    }

    /** Stores an order as if it had been written earlier, without recording a write. */
    public synchronized InMemoryOrderRepository given(Order order) {
        orders.put(order.id(), order);
        outboxes.put(order.id(), List.of());
        return this;
    }

    /**
     * Lets another writer act just before the next {@code update} checks its version, the way a
     * concurrent Lambda invocation would between a read and a conditional write.
     */
    public synchronized void beforeNextUpdate(Consumer<InMemoryOrderRepository> otherWriter) {
        beforeUpdates.add(otherWriter);
    }

    /**
     * From now on every {@code update} is refused, as if another writer always changed the order
     * between the caller's read and its conditional write.
     */
    public synchronized InMemoryOrderRepository keepChangingConcurrently() {
        changingConcurrently = true;
        return this;
    }

    @Override
    public synchronized boolean add(Order order, List<EventEnvelope<? extends OrderEvent>> events) {
        if (orders.containsKey(order.id())) {
            refusedWrites++;
            return false;
        }
        store(order, events);
        return true;
    }

    @Override
    public synchronized Optional<Order> find(OrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public synchronized boolean update(Order order, List<EventEnvelope<? extends OrderEvent>> events) {
        Consumer<InMemoryOrderRepository> otherWriter = beforeUpdates.poll();
        if (otherWriter != null) {
            otherWriter.accept(this);
        }
        Order stored = orders.get(order.id());
        if (changingConcurrently || stored == null || stored.version() != order.version() - 1) {
            refusedWrites++;
            return false;
        }
        store(order, events);
        return true;
    }

    private void store(Order order, List<EventEnvelope<? extends OrderEvent>> events) {
        orders.put(order.id(), order);
        outboxes.put(order.id(), List.copyOf(events));
        writes.add(new Write(order, events));
        if (!events.isEmpty()) {
            stream.publish(events);
        }
    }

    /** The stored order, failing the test when there is none. */
    public synchronized Order get(OrderId id) {
        return find(id).orElseThrow(() -> new AssertionError("no order " + id + " was stored"));
    }

    /** What the order's outbox holds now: the events of its last write (empty when none is stored). */
    public synchronized List<EventEnvelope<? extends OrderEvent>> outboxOf(OrderId id) {
        return outboxes.getOrDefault(id, List.of());
    }

    /** Every successful write, oldest first. */
    public synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    /** How many writes the version or existence condition refused. */
    public synchronized int refusedWrites() {
        return refusedWrites;
    }

    /** Every event any write put into the outbox, in write order. */
    public synchronized List<EventEnvelope<? extends OrderEvent>> outbox() {
        return writes.stream().flatMap(w -> w.events().stream()).toList();
    }

    /** The outbox events whose data is a {@code type}. */
    @SuppressWarnings("unchecked")
    public synchronized <T extends DomainEvent> List<EventEnvelope<T>> outbox(Class<T> type) {
        return outbox().stream().filter(e -> type.isInstance(e.data())).map(e -> (EventEnvelope<T>) e).toList();
    }
}
