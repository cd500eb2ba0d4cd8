package com.example.shop.order.handler;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderCancelled;
import com.example.shop.order.testing.InMemoryOrderRepository;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.order.domain.CancelOrder;
import com.example.shop.order.domain.OrderStatus;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.example.shop.order.OrderFixtures.CORRELATION_ID;
import static com.example.shop.order.OrderFixtures.CUSTOMER;
import static com.example.shop.order.OrderFixtures.ORDER_ID;
import static com.example.shop.order.OrderFixtures.OTHER_CUSTOMER;
import static com.example.shop.order.OrderFixtures.orderIn;
import static com.example.shop.order.handler.HttpFixtures.asCustomer;
import static com.example.shop.order.handler.HttpFixtures.cancelOrderRequest;
import static com.example.shop.order.handler.HttpFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /orders/{id}/cancel}: customers cancel their own orders until they ship. */
class CancelOrderHandlerTest {

    private static final String REQUEST_ID = "LwY2bjd6HjAEKRx=";

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final CancelOrderHandler handler = new CancelOrderHandler(
            new CancelOrder(orders, new SequentialIds(), MutableClock.atSampleTime()),
            TestObservability.of("order"));

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING", "RESERVED", "PAID"})
    void an_order_that_has_not_shipped_is_cancelled_and_order_cancelled_goes_into_the_outbox(OrderStatus status) {
        orders.given(orderIn(status));

        var response = handler.handleRequest(cancelOrderRequest(ORDER_ID.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(json(response).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(json(response).path("history").get(json(response).path("history").size() - 1)
                .path("event").asText()).isEqualTo("OrderCancelled");
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.CANCELLED);
        EventEnvelope<OrderCancelled> cancelled = orders.outbox(OrderCancelled.class).getFirst();
        assertThat(orders.outbox()).hasSize(1);
        assertThat(cancelled.data()).isEqualTo(new OrderCancelled(ORDER_ID.value(), CUSTOMER, "cancelled by customer"));
        assertThat(cancelled.correlationId()).isEqualTo(CORRELATION_ID);
        assertThat(cancelled.metadata().causationId()).isEqualTo(REQUEST_ID);
    }

    @Test
    void a_shipped_order_is_a_conflict_that_names_its_current_status() {
        orders.given(orderIn(OrderStatus.SHIPPED));

        var response = handler.handleRequest(cancelOrderRequest(ORDER_ID.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(response).path("currentStatus").asText()).isEqualTo("SHIPPED");
        assertThat(orders.writes()).isEmpty();
    }

    @Test
    void an_order_whose_shipment_failed_is_a_conflict_that_names_its_current_status() {
        orders.given(orderIn(OrderStatus.SHIPMENT_FAILED));

        var response = handler.handleRequest(cancelOrderRequest(ORDER_ID.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(response).path("currentStatus").asText()).isEqualTo("SHIPMENT_FAILED");
        assertThat(orders.writes()).isEmpty();
        assertThat(orders.outbox()).isEmpty();
    }

    @Test
    void cancelling_twice_is_a_conflict_the_second_time() {
        orders.given(orderIn(OrderStatus.PENDING));
        handler.handleRequest(cancelOrderRequest(ORDER_ID.value()), null);

        var again = handler.handleRequest(cancelOrderRequest(ORDER_ID.value()), null);

        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(again).path("currentStatus").asText()).isEqualTo("CANCELLED");
        assertThat(orders.outbox(OrderCancelled.class)).hasSize(1);
    }

    @Test
    void a_missing_order_is_not_found() {
        var response = handler.handleRequest(cancelOrderRequest(ORDER_ID.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(orders.writes()).isEmpty();
    }

    @Test
    void someone_elses_order_is_not_found_and_stays_as_it_was() {
        orders.given(orderIn(OrderStatus.PENDING));

        var response = handler.handleRequest(asCustomer(cancelOrderRequest(ORDER_ID.value()), OTHER_CUSTOMER), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(orders.writes()).isEmpty();
    }

    @Test
    void a_malformed_order_id_is_not_found() {
        assertThat(handler.handleRequest(cancelOrderRequest("order-1"), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void an_order_that_keeps_changing_under_every_attempt_answers_503_with_retry_after() {
        orders.given(orderIn(OrderStatus.PENDING)).keepChangingConcurrently();

        var response = handler.handleRequest(cancelOrderRequest(ORDER_ID.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(Integer.parseInt(response.getHeaders().get("retry-after"))).isBetween(1, 10);
        assertThat(json(response).path("status").asInt()).isEqualTo(503);
        assertThat(response.getBody()).doesNotContain("attempts").doesNotContain(ORDER_ID.value());
        assertThat(orders.refusedWrites()).isEqualTo(5);
        assertThat(orders.writes()).isEmpty();
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void an_order_changed_once_between_read_and_write_is_cancelled_on_the_next_attempt() {
        orders.given(orderIn(OrderStatus.PENDING));
        orders.beforeNextUpdate(repository -> repository.given(orderIn(OrderStatus.RESERVED)));

        var response = handler.handleRequest(cancelOrderRequest(ORDER_ID.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.outbox(OrderCancelled.class)).hasSize(1);
    }
}
