package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.order.domain.CancelOrder;
import com.example.shop.order.domain.PlaceOrder;
import com.example.shop.order.testing.InMemoryOrderRepository;
import com.example.shop.platform.testing.EdgeAnswers;
import com.example.shop.platform.testing.HostileBodies;
import com.example.shop.platform.testing.HostileInputs;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.platform.testing.TestObservability;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.function.Function;

import static com.example.shop.order.OrderFixtures.ORDER_ID;
import static com.example.shop.order.OrderFixtures.placedOrder;
import static com.example.shop.order.OrderFixtures.prices;
import static com.example.shop.order.handler.HttpFixtures.cancelOrderRequest;
import static com.example.shop.order.handler.HttpFixtures.getOrderRequest;
import static com.example.shop.order.handler.HttpFixtures.placeOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order route, sent {@value #TRIES} hostile requests each (place-order bodies drawn from
 * the schema and broken in every way {@link HostileBodies} knows, hostile order ids and
 * idempotency keys): never a 5xx, every refusal a problem+json, and a refused request writes
 * nothing.
 */
class OrderRoutesPropertyTest {

    static final int TRIES = 200;

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository().given(placedOrder());

    private void send(APIGatewayV2HTTPEvent request, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        int writes = orders.writes().size();
        APIGatewayV2HTTPResponse response = handler.apply(request);
        if (EdgeAnswers.refused(response, request.getPathParameters() + " " + request.getHeaders().get("idempotency-key")
                + " " + EdgeAnswers.abbreviated(request.getBody()))) {
            assertThat(orders.writes()).as("order writes after a refusal").hasSize(writes);
        }
    }

    @Property(tries = TRIES)
    void post_orders(@ForAll("orderBodies") String body, @ForAll("keys") String key) {
        APIGatewayV2HTTPEvent request = placeOrderRequest();
        request.setBody(body);
        if (!key.isEmpty()) {
            HttpFixtures.withHeader(request, "idempotency-key", key);
        }
        send(request, r -> new PlaceOrderHandler(new PlaceOrder(orders, prices(), new SequentialIds(),
                MutableClock.atSampleTime()), TestObservability.of("order")).handleRequest(r, null));
    }

    @Property(tries = TRIES)
    void get_orders_id(@ForAll("ids") String id) {
        send(getOrderRequest(id), r -> new GetOrderHandler(orders, TestObservability.of("order")).handleRequest(r, null));
    }

    @Property(tries = TRIES)
    void post_orders_id_cancel(@ForAll("ids") String id, @ForAll("anyBodies") String body) {
        APIGatewayV2HTTPEvent request = cancelOrderRequest(id);
        request.setBody(body);
        send(request, r -> new CancelOrderHandler(new CancelOrder(orders, new SequentialIds(),
                MutableClock.atSampleTime()), TestObservability.of("order")).handleRequest(r, null));
    }

    @Provide
    Arbitrary<String> orderBodies() {
        return HostileBodies.of("schemas/place-order-request.schema.json", placeOrderRequest().getBody()).bodies();
    }

    @Provide
    Arbitrary<String> anyBodies() {
        return Arbitraries.oneOf(HostileInputs.strings(200), Arbitraries.just(null), orderBodies());
    }

    /** Order ids: a real one sometimes (its cancel is a write, which is no refusal), hostile text mostly. */
    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(ORDER_ID.value(), "")),
                Tuple.of(5, HostileInputs.strings(128)));
    }

    /** Idempotency keys: none, a good one, or hostile text. */
    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of("", "key-1")), Tuple.of(3, HostileInputs.strings(128)));
    }
}
