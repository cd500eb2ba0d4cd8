package com.example.shop.localcloud.saga;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.OrderEvent;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderRepository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The orders table with its stream, in memory: an order is stored with the events its change
 * caused, and only once the write succeeded are those events handed to the outbox publisher.
 *
 * <p>That is the transactional outbox as the DynamoDB stream plays it: an event is published for
 * every stored change and for no change that was refused (a duplicate order, a lost optimistic
 * lock). Writes are conditional exactly as {@link OrderRepository} promises.
 */
final class InMemoryOrderRepository implements OrderRepository {

    private final Map<OrderId, Order> orders = new HashMap<>();
    private final EventPublisher outboxPublisher;

    /** @param outboxPublisher where the stream delivers the events of each committed write */
    InMemoryOrderRepository(EventPublisher outboxPublisher) {
        this.outboxPublisher = outboxPublisher;
    }

    @Override
    public boolean add(Order order, List<EventEnvelope<? extends OrderEvent>> events) {
        if (orders.putIfAbsent(order.id(), order) != null) {
            return false;
        }
        committed(events);
        return true;
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public boolean update(Order order, List<EventEnvelope<? extends OrderEvent>> events) {
        Order stored = orders.get(order.id());
        if (stored == null || stored.version() != order.version() - 1) {
            return false;
        }
        orders.put(order.id(), order);
        committed(events);
        return true;
    }

    private void committed(List<EventEnvelope<? extends OrderEvent>> events) {
        if (!events.isEmpty()) {
            outboxPublisher.publish(events);
        }
    }
}
