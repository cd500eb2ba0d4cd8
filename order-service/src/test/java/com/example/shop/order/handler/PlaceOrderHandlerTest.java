package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderPlaced;
import com.example.shop.order.testing.InMemoryOrderRepository;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderStatus;
import com.example.shop.order.domain.PlaceOrder;
import com.example.shop.platform.testing.TestObservability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.example.shop.order.OrderFixtures.BEANS;
import static com.example.shop.order.OrderFixtures.CUSTOMER;
import static com.example.shop.order.OrderFixtures.EMAIL;
import static com.example.shop.order.OrderFixtures.prices;
import static com.example.shop.order.handler.HttpFixtures.asCustomer;
import static com.example.shop.order.handler.HttpFixtures.body;
import static com.example.shop.order.handler.HttpFixtures.json;
import static com.example.shop.order.handler.HttpFixtures.placeOrderRequest;
import static com.example.shop.order.handler.HttpFixtures.violationFields;
import static com.example.shop.order.handler.HttpFixtures.withBody;
import static com.example.shop.order.handler.HttpFixtures.withHeader;
import static com.example.shop.order.handler.HttpFixtures.withoutClaim;
import static com.example.shop.order.handler.HttpFixtures.withoutToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@code POST /orders}, fed the HTTP API's own request shape. */
class PlaceOrderHandlerTest {

    private static final String REQUEST_ID = "JtU9zhb4FiAEMZw=";

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final PlaceOrderHandler handler = new PlaceOrderHandler(
            new PlaceOrder(orders, prices(), new SequentialIds(), MutableClock.atSampleTime()),
            TestObservability.of("order"));

    private APIGatewayV2HTTPResponse place(APIGatewayV2HTTPEvent request) {
        return handler.handleRequest(request, null);
    }

    @Nested
    class Accepted {

        @Test
        void a_valid_order_is_accepted_with_its_id_and_location() {
            var response = place(placeOrderRequest());

            assertThat(response.getStatusCode()).isEqualTo(202);
            String orderId = json(response).path("orderId").asText();
            assertThat(OrderId.isWellFormed(orderId)).isTrue();
            assertThat(response.getHeaders()).containsEntry("location", "/orders/" + orderId)
                    .containsEntry("content-type", "application/json");
            assertThat(json(response).path("status").asText()).isEqualTo("PENDING");
            assertThat(json(response).path("total").path("amountMinor").asLong()).isEqualTo(5030);
            assertThat(json(response).path("total").path("currency").asText()).isEqualTo("EUR");
            assertThat(orders.get(new OrderId(orderId)).status()).isEqualTo(OrderStatus.PENDING);
        }

        @Test
        void the_customer_and_email_come_from_the_token_and_order_placed_goes_into_the_outbox() {
            var response = place(placeOrderRequest());

            String orderId = json(response).path("orderId").asText();
            assertThat(orders.outbox(OrderPlaced.class)).singleElement().satisfies(placed -> {
                assertThat(placed.data().orderId()).isEqualTo(orderId);
                assertThat(placed.data().customerId()).isEqualTo(CUSTOMER);
                assertThat(placed.data().customerEmail()).isEqualTo(EMAIL);
                assertThat(placed.data().paymentMethodRef()).isEqualTo("pm-card-visa");
                assertThat(placed.data().shippingAddress().line2()).isEqualTo("2. OG links");
                assertThat(placed.data().shippingAddress().countryCode()).isEqualTo("DE");
                assertThat(placed.metadata().causationId()).isEqualTo(REQUEST_ID);
            });
        }

        @Test
        void the_callers_correlation_id_follows_the_order_into_order_placed() {
            place(withHeader(placeOrderRequest(), "x-correlation-id", "client-trace-42"));

            EventEnvelope<OrderPlaced> placed = orders.outbox(OrderPlaced.class).getFirst();
            assertThat(placed.correlationId()).isEqualTo("client-trace-42");
            assertThat(orders.writes().getFirst().order().correlationId()).isEqualTo("client-trace-42");
        }

        @Test
        void without_a_correlation_id_the_request_id_starts_the_correlation() {
            place(placeOrderRequest());

            assertThat(orders.outbox(OrderPlaced.class).getFirst().correlationId()).isEqualTo(REQUEST_ID);
        }

        @Test
        void an_unusable_correlation_id_is_replaced_by_the_request_id() {
            place(withHeader(placeOrderRequest(), "x-correlation-id", "<script>alert(1)</script>"));

            assertThat(orders.outbox(OrderPlaced.class).getFirst().correlationId()).isEqualTo(REQUEST_ID);
        }

        @Test
        void a_base64_encoded_body_is_read_like_a_plain_one() {
            APIGatewayV2HTTPEvent request = placeOrderRequest();
            request.setBody(Base64.getEncoder().encodeToString(request.getBody().getBytes(StandardCharsets.UTF_8)));
            request.setIsBase64Encoded(true);

            assertThat(place(request).getStatusCode()).isEqualTo(202);
        }
    }

    @Nested
    class Invalid_bodies {

        static Stream<Arguments> broken_bodies() {
            return Stream.of(
                    arguments("no lines", edit(body -> body.putArray("lines")), "/lines"),
                    arguments("51 lines", edit(body -> {
                        ArrayNode lines = body.putArray("lines");
                        for (int i = 0; i < 51; i++) {
                            lines.addObject().put("productId", "prod-" + i).put("quantity", 1);
                        }
                    }), "/lines"),
                    arguments("quantity 0", edit(body -> line(body, 0).put("quantity", 0)), "/lines/0/quantity"),
                    arguments("quantity 101", edit(body -> line(body, 1).put("quantity", 101)), "/lines/1/quantity"),
                    arguments("an unknown top-level field", edit(body -> body.put("customerId", "someone-else")),
                            "/customerId"),
                    arguments("an unknown field in a line", edit(body -> line(body, 1).put("unitPrice", 1)),
                            "/lines/1/unitPrice"),
                    arguments("no shipping address", edit(body -> body.remove("shippingAddress")), "/shippingAddress"),
                    arguments("a three-letter country code",
                            edit(body -> ((ObjectNode) body.get("shippingAddress")).put("countryCode", "DEU")),
                            "/shippingAddress/countryCode"),
                    arguments("a lower-case country code",
                            edit(body -> ((ObjectNode) body.get("shippingAddress")).put("countryCode", "de")),
                            "/shippingAddress/countryCode"),
                    arguments("a country that does not exist",
                            edit(body -> ((ObjectNode) body.get("shippingAddress")).put("countryCode", "XX")),
                            "/shippingAddress/countryCode"),
                    arguments("a blank recipient name",
                            edit(body -> ((ObjectNode) body.get("shippingAddress")).put("recipientName", "   ")),
                            "/shippingAddress/recipientName"),
                    arguments("a blank second address line",
                            edit(body -> ((ObjectNode) body.get("shippingAddress")).put("line2", " ")),
                            "/shippingAddress/line2"),
                    arguments("card data instead of a payment method reference",
                            edit(body -> body.put("paymentMethodRef", "4111111111111111")), "/paymentMethodRef"));
        }

        private static Consumer<ObjectNode> edit(Consumer<ObjectNode> edit) {
            return edit;
        }

        private static ObjectNode line(ObjectNode body, int index) {
            return (ObjectNode) body.get("lines").get(index);
        }

        @ParameterizedTest(name = "{0} -> violation at {2}")
        @MethodSource("broken_bodies")
        void are_refused_with_a_problem_naming_each_violation(String what, Consumer<ObjectNode> breakIt,
                                                             String pointer) {
            APIGatewayV2HTTPEvent request = placeOrderRequest();
            ObjectNode body = body(request);
            breakIt.accept(body);

            var response = place(withBody(request, body));

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
            assertThat(json(response).path("status").asInt()).isEqualTo(400);
            assertThat(violationFields(response)).contains(pointer);
            assertThat(orders.writes()).isEmpty();
        }

        @Test
        void every_violation_of_one_body_is_listed() {
            APIGatewayV2HTTPEvent request = placeOrderRequest();
            ObjectNode body = body(request);
            ((ObjectNode) body.get("lines").get(0)).put("quantity", 0);
            ((ObjectNode) body.get("shippingAddress")).put("countryCode", "de");
            body.put("coupon", "FREE");

            var response = place(withBody(request, body));

            assertThat(violationFields(response))
                    .contains("/lines/0/quantity", "/shippingAddress/countryCode", "/coupon");
            assertThat(json(response).path("violations").get(0).path("message").asText()).isNotBlank();
        }

        @Test
        void a_body_that_is_not_json_is_refused() {
            APIGatewayV2HTTPEvent request = placeOrderRequest();
            request.setBody("lines=2");

            assertThat(place(request).getStatusCode()).isEqualTo(400);
        }

        @Test
        void a_request_without_a_body_is_refused() {
            APIGatewayV2HTTPEvent request = placeOrderRequest();
            request.setBody(null);

            assertThat(place(request).getStatusCode()).isEqualTo(400);
        }

        @Test
        void more_than_a_hundred_units_of_one_product_across_lines_are_refused_naming_the_lines() {
            APIGatewayV2HTTPEvent request = placeOrderRequest();
            ObjectNode body = body(request);
            ArrayNode lines = body.putArray("lines");
            lines.addObject().put("productId", BEANS).put("quantity", 60);
            lines.addObject().put("productId", BEANS).put("quantity", 41);

            var response = place(withBody(request, body));

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(violationFields(response)).containsExactly("/lines");
            assertThat(json(response).path("violations").get(0).path("message").asText()).contains(BEANS);
        }
    }

    @Test
    void an_unknown_product_is_unprocessable_and_named() {
        APIGatewayV2HTTPEvent request = placeOrderRequest();
        ObjectNode body = body(request);
        ((ObjectNode) body.get("lines").get(1)).put("productId", "prod-unicorn-figurine");

        var response = place(withBody(request, body));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(response).path("detail").asText()).contains("prod-unicorn-figurine");
        assertThat(json(response).path("violations").get(0).path("message").asText())
                .contains("prod-unicorn-figurine");
        assertThat(orders.writes()).isEmpty();
    }

    @Nested
    class Idempotency_key {

        @Test
        void the_same_key_and_body_answer_the_same_order_without_a_second_write() {
            var first = place(withHeader(placeOrderRequest(), "idempotency-key", "checkout-7f3a"));
            var second = place(withHeader(placeOrderRequest(), "idempotency-key", "checkout-7f3a"));

            assertThat(second.getStatusCode()).isEqualTo(202);
            assertThat(json(second).path("orderId")).isEqualTo(json(first).path("orderId"));
            assertThat(second.getHeaders().get("location")).isEqualTo(first.getHeaders().get("location"));
            assertThat(orders.writes()).hasSize(1);
        }

        @Test
        void the_same_key_with_another_body_is_a_conflict() {
            place(withHeader(placeOrderRequest(), "idempotency-key", "checkout-7f3a"));
            APIGatewayV2HTTPEvent changed = withHeader(placeOrderRequest(), "idempotency-key", "checkout-7f3a");
            ObjectNode body = body(changed);
            ((ObjectNode) body.get("lines").get(0)).put("quantity", 5);

            var response = place(withBody(changed, body));

            assertThat(response.getStatusCode()).isEqualTo(409);
            assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
            assertThat(orders.writes()).hasSize(1);
        }

        @Test
        void without_a_key_the_same_body_places_a_second_order() {
            var first = place(placeOrderRequest());
            var second = place(placeOrderRequest());

            assertThat(json(second).path("orderId")).isNotEqualTo(json(first).path("orderId"));
            assertThat(orders.writes()).hasSize(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"two words", "ключ", "semi;colon", ""})
        void a_malformed_key_is_refused_before_anything_happens(String key) {
            var response = place(withHeader(placeOrderRequest(), "idempotency-key", key));

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(violationFields(response)).containsExactly("Idempotency-Key");
            assertThat(orders.writes()).isEmpty();
        }

        @Test
        void a_key_longer_than_128_characters_is_refused() {
            var response = place(withHeader(placeOrderRequest(), "idempotency-key", "k".repeat(129)));

            assertThat(response.getStatusCode()).isEqualTo(400);
        }
    }

    @Nested
    class Identity {

        @Test
        void a_request_without_token_claims_is_forbidden() {
            var response = place(withoutToken(placeOrderRequest()));

            assertThat(response.getStatusCode()).isEqualTo(403);
            assertThat(orders.writes()).isEmpty();
        }

        @Test
        void a_token_without_a_subject_is_forbidden() {
            assertThat(place(withoutClaim(placeOrderRequest(), "sub")).getStatusCode()).isEqualTo(403);
        }

        @Test
        void a_token_without_an_email_is_forbidden() {
            assertThat(place(withoutClaim(placeOrderRequest(), "email")).getStatusCode()).isEqualTo(403);
            assertThat(orders.writes()).isEmpty();
        }

        @Test
        void a_token_whose_email_the_identity_provider_has_not_verified_is_forbidden() {
            assertThat(place(withoutClaim(placeOrderRequest(), "email_verified")).getStatusCode()).isEqualTo(403);
            assertThat(orders.writes()).isEmpty();
        }

        @Test
        void the_order_belongs_to_whoever_the_token_names() {
            var response = place(asCustomer(placeOrderRequest(), "another-customer"));

            Order order = orders.get(new OrderId(json(response).path("orderId").asText()));
            assertThat(order.customerId()).isEqualTo("another-customer");
        }
    }

    @Test
    void the_answer_never_echoes_internal_details() {
        JsonNode problem = json(place(withoutToken(placeOrderRequest())));

        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.toString()).doesNotContain("Exception");
    }
}
