package com.example.shop.order.adapter;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderEvent;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.ShippingAddress;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderRepository;
import com.example.shop.order.domain.OrderStatus;
import com.example.shop.order.domain.SagaStep;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.example.shop.order.OrderFixtures.CUSTOMER;
import static com.example.shop.order.OrderFixtures.PLACED_AT;
import static com.example.shop.order.OrderFixtures.placedOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link OrderRepository} promises, run on the in-memory fake
 * ({@code InMemoryOrderRepositoryTest}) and on the DynamoDB table ({@code DynamoDbOrderRepositoryIT}):
 * orders come back as they were stored, writes are conditional (an existing id, a stale version),
 * and each write leaves in the order's outbox exactly the events it caused, which is what the
 * stream's outbox publisher reads.
 */
abstract class OrderRepositoryContract {

    /** The repository under test; orders of earlier tests may be in it, under other ids. */
    abstract OrderRepository orders();

    /** The ids of the events the order's outbox holds now. */
    abstract List<String> outboxOf(OrderId id);

    static OrderId newOrderId() {
        return new OrderId(UUID.randomUUID().toString());
    }

    static EventEnvelope<OrderPlaced> orderPlaced(Order order) {
        return EventEnvelope.of(new OrderPlaced(order.id().value(), order.customerId(), order.customerEmail(),
                        order.lines(), order.total(), order.shippingAddress(), order.paymentMethodRef()),
                UUID.randomUUID().toString(), PLACED_AT, order.correlationId(), "req-1");
    }

    private static Order reserved(Order order) {
        return order.advance(new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved"), "e-1",
                PLACED_AT.plusSeconds(1)).orElseThrow();
    }

    @Test
    void an_added_order_is_found_again_with_every_field() {
        Order order = placedOrder(newOrderId(), CUSTOMER);

        assertThat(orders().add(order, List.of(orderPlaced(order)))).isTrue();

        assertThat(orders().find(order.id())).contains(order);
    }

    @Test
    void a_second_address_line_history_reasons_and_a_later_version_survive_the_round_trip() {
        Order placed = Order.place(newOrderId(), CUSTOMER, "erika@example.com", placedOrder().lines(),
                new ShippingAddress("Erika Mustermann", "Hauptstraße 5", "2. OG links", "Berlin", "10115", "DE"),
                "pm-card-visa", "corr-ü-1", "req-1", "f1ng3rpr1nt", PLACED_AT);
        Order failed = placed.advance(new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved"), "e-1",
                        PLACED_AT.plusMillis(1457)).orElseThrow()
                .advance(new SagaStep.Failure(OrderStatus.PAYMENT_FAILED, "PaymentDeclined", "card expired",
                        OrderStatus.PAID), "e-2",
                        PLACED_AT.plusSeconds(5)).orElseThrow();

        orders().add(failed, List.of());

        assertThat(orders().find(failed.id())).contains(failed);
    }

    @Test
    void an_order_ended_by_a_shipment_failure_survives_the_round_trip_with_its_reason() {
        Order paid = reserved(placedOrder(newOrderId(), CUSTOMER))
                .advance(new SagaStep.Progress(OrderStatus.PAID, "PaymentCharged"), "e-2", PLACED_AT.plusSeconds(2))
                .orElseThrow();
        Order failed = paid.advance(new SagaStep.Failure(OrderStatus.SHIPMENT_FAILED, "ShipmentFailed",
                "no carrier delivers to this destination", OrderStatus.SHIPPED), "e-3", PLACED_AT.plusSeconds(3))
                .orElseThrow();

        orders().add(failed, List.of());

        assertThat(orders().find(failed.id())).contains(failed);
        assertThat(orders().find(failed.id()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPMENT_FAILED);
    }

    @Test
    void a_missing_order_is_not_found() {
        assertThat(orders().find(newOrderId())).isEmpty();
    }

    @Test
    void adding_an_order_whose_id_exists_is_refused_and_keeps_the_first() {
        Order first = placedOrder(newOrderId(), CUSTOMER);
        orders().add(first, List.of(orderPlaced(first)));
        Order impostor = placedOrder(first.id(), "someone-else");

        assertThat(orders().add(impostor, List.of(orderPlaced(impostor)))).isFalse();
        assertThat(orders().find(first.id())).contains(first);
    }

    @Test
    void an_update_from_the_stored_version_wins_and_one_from_a_stale_version_is_refused() {
        Order placed = placedOrder(newOrderId(), CUSTOMER);
        orders().add(placed, List.of(orderPlaced(placed)));
        Order reserved = reserved(placed);
        Order cancelledFromStaleRead = ((Order.CancelOutcome.Cancelled) placed.cancel("changed my mind", "req-2",
                PLACED_AT.plusSeconds(2))).order();

        assertThat(orders().update(reserved, List.of())).isTrue();
        assertThat(orders().update(cancelledFromStaleRead, List.of())).isFalse();
        assertThat(orders().find(placed.id())).contains(reserved);
    }

    @Test
    void successive_updates_each_from_the_version_before_all_win() {
        Order placed = placedOrder(newOrderId(), CUSTOMER);
        orders().add(placed, List.of());
        Order reserved = reserved(placed);
        Order paid = reserved.advance(new SagaStep.Progress(OrderStatus.PAID, "PaymentCharged"), "e-2",
                PLACED_AT.plusSeconds(2)).orElseThrow();

        assertThat(orders().update(reserved, List.of())).isTrue();
        assertThat(orders().update(paid, List.of())).isTrue();
        assertThat(orders().find(placed.id())).hasValueSatisfying(stored -> {
            assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
            assertThat(stored.version()).isEqualTo(2);
        });
    }

    @Test
    void an_update_of_an_order_that_was_never_added_is_refused() {
        Order reserved = placedOrder(newOrderId(), CUSTOMER)
                .advance(new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved"), "e-1", PLACED_AT).orElseThrow();

        assertThat(orders().update(reserved, List.of())).isFalse();
        assertThat(orders().find(reserved.id())).isEmpty();
    }

    @Test
    void each_write_replaces_the_outbox_with_the_events_that_write_caused() {
        Order placed = placedOrder(newOrderId(), CUSTOMER);
        EventEnvelope<OrderPlaced> orderPlaced = orderPlaced(placed);
        orders().add(placed, List.of(orderPlaced));
        assertThat(outboxOf(placed.id())).containsExactly(orderPlaced.eventId());

        Order reserved = reserved(placed);
        orders().update(reserved, List.of());
        assertThat(outboxOf(placed.id())).isEmpty();

        Order cancelled = ((Order.CancelOutcome.Cancelled) reserved.cancel("changed my mind", "req-2",
                PLACED_AT.plusSeconds(2))).order();
        EventEnvelope<? extends OrderEvent> orderCancelled = EventEnvelope.of(
                new OrderCancelled(placed.id().value(), CUSTOMER, "changed my mind"), UUID.randomUUID().toString(),
                PLACED_AT.plusSeconds(2), placed.correlationId(), "req-2");
        orders().update(cancelled, List.of(orderCancelled));

        assertThat(outboxOf(placed.id())).containsExactly(orderCancelled.eventId());
    }

    @Test
    void a_refused_write_leaves_the_outbox_as_the_last_successful_write_left_it() {
        Order first = placedOrder(newOrderId(), CUSTOMER);
        EventEnvelope<OrderPlaced> placed = orderPlaced(first);
        orders().add(first, List.of(placed));
        Order impostor = placedOrder(first.id(), "someone-else");
        Order cancelledFromStaleRead = ((Order.CancelOutcome.Cancelled) first.cancel("changed my mind", "req-2",
                PLACED_AT.plusSeconds(2))).order();
        orders().update(reserved(first), List.of());

        orders().add(impostor, List.of(orderPlaced(impostor)));
        orders().update(cancelledFromStaleRead, List.of(EventEnvelope.of(
                new OrderCancelled(first.id().value(), CUSTOMER, "changed my mind"), UUID.randomUUID().toString(),
                PLACED_AT.plusSeconds(2), first.correlationId(), "req-2")));

        assertThat(outboxOf(first.id())).isEmpty();
    }
}
