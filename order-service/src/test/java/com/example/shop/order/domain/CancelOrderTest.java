package com.example.shop.order.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderCancelled;
import com.example.shop.order.testing.InMemoryOrderRepository;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.platform.testing.SequentialIds;
import org.junit.jupiter.api.Test;

import static com.example.shop.order.OrderFixtures.CORRELATION_ID;
import static com.example.shop.order.OrderFixtures.CUSTOMER;
import static com.example.shop.order.OrderFixtures.ORDER_ID;
import static com.example.shop.order.OrderFixtures.OTHER_CUSTOMER;
import static com.example.shop.order.OrderFixtures.orderIn;
import static com.example.shop.order.OrderFixtures.placedOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A customer cancels their own order before it ships. */
class CancelOrderTest {

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final SequentialIds ids = new SequentialIds();
    private final MutableClock clock = MutableClock.atSampleTime();
    private final CancelOrder cancelOrder = new CancelOrder(orders, ids, clock);

    @Test
    void cancelling_stores_the_cancelled_order_with_order_cancelled_in_the_same_write() {
        orders.given(placedOrder());
        String eventId = ids.peek();

        var outcome = cancelOrder.cancel(ORDER_ID, CUSTOMER, "changed my mind", "req-cancel");

        assertThat(outcome).isInstanceOfSatisfying(CancelOrder.Outcome.Cancelled.class, cancelled ->
                assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED));
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.writes()).singleElement().satisfies(write -> {
            assertThat(write.order().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(write.events()).singleElement().satisfies(event -> {
                assertThat(event.data()).isEqualTo(new OrderCancelled(ORDER_ID.value(), CUSTOMER, "changed my mind"));
                assertThat(event.eventId()).isEqualTo(eventId);
                assertThat(event.metadata().occurredAt()).isEqualTo(clock.instant());
            });
        });
    }

    @Test
    void order_cancelled_keeps_the_orders_correlation_id_and_names_the_request_as_its_cause() {
        orders.given(orderIn(OrderStatus.PAID));

        cancelOrder.cancel(ORDER_ID, CUSTOMER, "changed my mind", "req-cancel");

        EventEnvelope<OrderCancelled> cancelled = orders.outbox(OrderCancelled.class).getFirst();
        assertThat(cancelled.correlationId()).isEqualTo(CORRELATION_ID);
        assertThat(cancelled.metadata().causationId()).isEqualTo("req-cancel");
    }

    @Test
    void someone_elses_order_is_not_found_and_stays_untouched() {
        orders.given(placedOrder());

        assertThat(cancelOrder.cancel(ORDER_ID, OTHER_CUSTOMER, "mischief", "req-x"))
                .isEqualTo(new CancelOrder.Outcome.NotFound());
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(orders.writes()).isEmpty();
    }

    @Test
    void a_missing_order_is_not_found() {
        assertThat(cancelOrder.cancel(ORDER_ID, CUSTOMER, "changed my mind", "req-x"))
                .isEqualTo(new CancelOrder.Outcome.NotFound());
    }

    @Test
    void a_shipped_order_cannot_be_cancelled_and_nothing_is_written() {
        orders.given(orderIn(OrderStatus.SHIPPED));

        assertThat(cancelOrder.cancel(ORDER_ID, CUSTOMER, "too late", "req-x"))
                .isEqualTo(new CancelOrder.Outcome.NotCancellable(OrderStatus.SHIPPED));
        assertThat(orders.writes()).isEmpty();
    }

    @Test
    void an_order_whose_shipment_failed_cannot_be_cancelled_and_nothing_is_written() {
        orders.given(orderIn(OrderStatus.SHIPMENT_FAILED));

        assertThat(cancelOrder.cancel(ORDER_ID, CUSTOMER, "too late", "req-x"))
                .isEqualTo(new CancelOrder.Outcome.NotCancellable(OrderStatus.SHIPMENT_FAILED));
        assertThat(orders.writes()).isEmpty();
    }

    @Test
    void when_the_saga_moves_the_order_meanwhile_the_cancellation_is_decided_again_on_the_fresh_order() {
        orders.given(placedOrder());
        orders.beforeNextUpdate(repo -> repo.given(repo.get(ORDER_ID)
                .advance(new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved"), "e-reserved", clock.instant())
                .orElseThrow()));

        var outcome = cancelOrder.cancel(ORDER_ID, CUSTOMER, "changed my mind", "req-cancel");

        assertThat(outcome).isInstanceOf(CancelOrder.Outcome.Cancelled.class);
        assertThat(orders.refusedWrites()).isEqualTo(1);
        assertThat(orders.get(ORDER_ID).history()).extracting(StatusChange::event)
                .containsExactly("OrderPlaced", "StockReserved", "OrderCancelled");
        assertThat(orders.outbox(OrderCancelled.class)).hasSize(1);
    }

    @Test
    void when_the_order_ships_meanwhile_the_cancellation_is_refused() {
        orders.given(orderIn(OrderStatus.PAID));
        orders.beforeNextUpdate(repo -> repo.given(repo.get(ORDER_ID)
                .advance(new SagaStep.Progress(OrderStatus.SHIPPED, "ShipmentScheduled"), "e-shipped", clock.instant())
                .orElseThrow()));

        assertThat(cancelOrder.cancel(ORDER_ID, CUSTOMER, "changed my mind", "req-cancel"))
                .isEqualTo(new CancelOrder.Outcome.NotCancellable(OrderStatus.SHIPPED));
        assertThat(orders.outbox()).isEmpty();
    }

    @Test
    void an_order_that_keeps_changing_under_the_writer_gives_up_with_a_concurrency_failure() {
        orders.given(placedOrder());
        for (int i = 0; i < 5; i++) {
            int n = i;
            orders.beforeNextUpdate(repo -> repo.given(repo.get(ORDER_ID)
                    .advance(new SagaStep.Compensation("Noise" + n), "e-noise-" + n, clock.instant()).orElseThrow()));
        }

        assertThatThrownBy(() -> cancelOrder.cancel(ORDER_ID, CUSTOMER, "changed my mind", "req-cancel"))
                .isInstanceOf(OrderChangedConcurrentlyException.class)
                .hasMessageContaining(ORDER_ID.value());
        assertThat(orders.outbox()).isEmpty();
    }
}
