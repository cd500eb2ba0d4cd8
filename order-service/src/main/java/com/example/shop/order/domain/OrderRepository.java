package com.example.shop.order.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderEvent;

import java.util.List;
import java.util.Optional;

/**
 * Where orders are kept. Each write stores the order together with the events the change caused,
 * in one atomic write: the table's stream is the outbox that publishes them, so an order is never
 * saved without its events nor an event published for an order that was not saved.
 */
public interface OrderRepository {

    /** Stores a new order; false when an order with the same id already exists. */
    boolean add(Order order, List<EventEnvelope<? extends OrderEvent>> events);

    /** The order, if there is one. */
    Optional<Order> find(OrderId id);

    /**
     * Replaces the stored order if it is still at {@code order.version() - 1}; false when another
     * writer changed it first (the caller reloads and decides again).
     */
    boolean update(Order order, List<EventEnvelope<? extends OrderEvent>> events);
}
