package com.example.shop.order.adapter;

import com.example.shop.events.EventEnvelope;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderRepository;
import com.example.shop.order.testing.InMemoryOrderRepository;

import java.util.List;

/** The in-memory orders keep the same promises as the DynamoDB table they stand in for. */
class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();

    @Override
    OrderRepository orders() {
        return orders;
    }

    @Override
    List<String> outboxOf(OrderId id) {
        return orders.outboxOf(id).stream().map(EventEnvelope::eventId).toList();
    }
}
