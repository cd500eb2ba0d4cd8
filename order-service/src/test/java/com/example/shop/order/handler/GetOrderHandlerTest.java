package com.example.shop.order.handler;

import com.example.shop.order.testing.InMemoryOrderRepository;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderStatus;
import com.example.shop.platform.testing.TestObservability;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.example.shop.order.OrderFixtures.BEANS;
import static com.example.shop.order.OrderFixtures.ORDER_ID;
import static com.example.shop.order.OrderFixtures.OTHER_CUSTOMER;
import static com.example.shop.order.OrderFixtures.orderIn;
import static com.example.shop.order.handler.HttpFixtures.asCustomer;
import static com.example.shop.order.handler.HttpFixtures.getOrderRequest;
import static com.example.shop.order.handler.HttpFixtures.json;
import static com.example.shop.order.handler.HttpFixtures.withoutToken;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /orders/{id}}: customers see their own orders and nobody else's. */
class GetOrderHandlerTest {

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final GetOrderHandler handler = new GetOrderHandler(orders, TestObservability.of("order"));

    @Test
    void the_owner_sees_the_status_lines_and_history_of_the_order() {
        Order order = orderIn(OrderStatus.PAYMENT_FAILED);
        orders.given(order);

        var response = handler.handleRequest(getOrderRequest(ORDER_ID.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        JsonNode body = json(response);
        assertThat(body.path("orderId").asText()).isEqualTo(ORDER_ID.value());
        assertThat(body.path("status").asText()).isEqualTo("PAYMENT_FAILED");
        assertThat(body.path("total").path("amountMinor").asLong()).isEqualTo(5030);
        assertThat(body.path("lines").get(0).path("productId").asText()).isEqualTo(BEANS);
        assertThat(body.path("lines").get(0).path("unitPrice").path("amountMinor").asLong()).isEqualTo(1890);
        assertThat(body.path("history").valueStream().map(h -> h.path("status").asText() + " " + h.path("event").asText()))
                .containsExactly("PENDING OrderPlaced", "RESERVED StockReserved", "PAYMENT_FAILED PaymentDeclined");
        JsonNode declined = body.path("history").get(2);
        assertThat(declined.path("reason").asText()).isEqualTo("card expired");
        assertThat(declined.path("at").asText()).isEqualTo(order.history().get(2).at().toString());
    }

    @Test
    void the_history_does_not_reveal_internal_cause_ids() {
        orders.given(orderIn(OrderStatus.RESERVED));

        JsonNode body = json(handler.handleRequest(getOrderRequest(ORDER_ID.value()), null));

        assertThat(body.path("history").get(0).has("causeId")).isFalse();
    }

    @Test
    void someone_elses_order_answers_exactly_like_a_missing_one() {
        orders.given(orderIn(OrderStatus.RESERVED));

        var foreign = handler.handleRequest(asCustomer(getOrderRequest(ORDER_ID.value()), OTHER_CUSTOMER), null);
        var missing = handler.handleRequest(getOrderRequest("0f0c6a52-7d1e-4b8a-9c3f-2e4d6b8a0c1e"), null);

        assertThat(foreign.getStatusCode()).isEqualTo(404);
        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(foreign.getBody()).isEqualTo(missing.getBody());
        assertThat(foreign.getHeaders()).containsEntry("content-type", "application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-order", "5F0C6A52-7D1E-4B8A-9C3F-2E4D6B8A0C1E", "../../admin", ""})
    void a_malformed_order_id_is_not_found(String id) {
        orders.given(orderIn(OrderStatus.RESERVED));

        assertThat(handler.handleRequest(getOrderRequest(id), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void a_request_without_a_token_finds_nothing() {
        orders.given(orderIn(OrderStatus.RESERVED));

        assertThat(handler.handleRequest(withoutToken(getOrderRequest(ORDER_ID.value())), null).getStatusCode())
                .isEqualTo(404);
    }
}
