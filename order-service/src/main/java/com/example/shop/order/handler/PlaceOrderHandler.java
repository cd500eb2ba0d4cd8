package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.events.ShippingAddress;
import com.example.shop.order.config.OrderWiring;
import com.example.shop.order.domain.PlaceOrder;
import com.example.shop.order.domain.PlaceOrderCommand;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.ApiResponses.Violation;
import com.example.shop.platform.Caller;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.HttpEdge;
import com.example.shop.platform.HttpRequests;
import com.example.shop.platform.JsonRequestValidator;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /orders} (customer token): validates the body against
 * {@code schemas/place-order-request.schema.json}, prices the lines and records a PENDING order;
 * the orders table's stream then publishes {@code OrderPlaced}.
 *
 * <p>Answers 202 with the order id and a {@code Location} header; 400 problem+json naming each
 * violation; 422 for unknown products; 409 when an {@code Idempotency-Key} is reused for a
 * different request (the same request under the same key gets the same order back). Nothing is
 * published from here, so a failure after the write cannot lose or duplicate the event.
 */
public final class PlaceOrderHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PlaceOrderHandler.class);
    private static final JsonRequestValidator SCHEMA =
            JsonRequestValidator.forSchema("schemas/place-order-request.schema.json");

    /** The schema checks the code's shape; which codes exist is the JDK's list, the one ShippingAddress checks. */
    private static final Set<String> KNOWN_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private final PlaceOrder placeOrder;
    private final Observability observability;

    /** Used by Lambda: wires the function from its environment. */
    public PlaceOrderHandler() {
        this(OrderWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/place-order.json");
    }

    private PlaceOrderHandler(OrderWiring wiring) {
        this(wiring.placeOrder(), wiring.function().observability());
    }

    PlaceOrderHandler(PlaceOrder placeOrder, Observability observability) {
        this.placeOrder = placeOrder;
        this.observability = observability;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEdge.answer(observability, event, context, this::place);
    }

    private APIGatewayV2HTTPResponse place(APIGatewayV2HTTPEvent event) {
        // the correlation id is born at the edge (HttpEdge) and follows the order through every service
        Optional<Caller> caller = Caller.of(event);
        if (caller.isEmpty() || caller.get().email() == null) {
            return ApiResponses.problem(403, "Forbidden", "placing an order needs a customer token with an email");
        }
        Optional<String> key;
        try {
            key = HttpRequests.idempotencyKey(event);
        } catch (IllegalArgumentException e) {
            return ApiResponses.problem(400, "Invalid request", null, List.of(new Violation("Idempotency-Key", e.getMessage())));
        }
        return switch (SCHEMA.validate(HttpRequests.body(event))) {
            case JsonRequestValidator.Invalid invalid ->
                    ApiResponses.problem(400, "Invalid request", "the body does not match the order schema", invalid.violations());
            case JsonRequestValidator.Valid valid when !KNOWN_COUNTRIES.contains(countryCode(valid.body())) ->
                    ApiResponses.problem(400, "Invalid request", "the body does not match the order schema",
                            List.of(new Violation("/shippingAddress/countryCode", "must be an ISO 3166-1 alpha-2 country code")));
            case JsonRequestValidator.Valid valid -> respond(counted(Observability.traced("PlaceOrder", null, "OrderPlaced",
                    () -> placeOrder.place(command(valid.body(), caller.get(), key, event)))));
        };
    }

    /** A new order counts once; a replay of an idempotent request is the same order, not another. */
    private PlaceOrder.Outcome counted(PlaceOrder.Outcome outcome) {
        if (outcome instanceof PlaceOrder.Outcome.Accepted accepted && !accepted.replay()) {
            var order = accepted.order();
            MDC.put("orderId", order.id().value());
            LOG.info("Order placed: {} line(s), total {} {}", order.lines().size(), order.total().amountMinor(),
                    order.total().currency());
            observability.metrics().count("OrdersPlaced", order.id().value(), order.correlationId());
            observability.metrics().record("OrderValue", order.total().amountMinor(), MetricUnit.NONE,
                    order.id().value(), order.correlationId());
        }
        return outcome;
    }

    private static APIGatewayV2HTTPResponse respond(PlaceOrder.Outcome outcome) {
        return switch (outcome) {
            case PlaceOrder.Outcome.Accepted accepted -> ApiResponses.json(202, OrderViews.Accepted.of(accepted.order()),
                    Map.of("location", "/orders/" + accepted.order().id().value()));
            case PlaceOrder.Outcome.UnknownProducts unknown -> ApiResponses.problem(422, "Unknown products",
                    "these products are not sold: " + String.join(", ", unknown.productIds()),
                    unknown.productIds().stream().map(id -> new Violation("/lines", "unknown product " + id)).toList());
            case PlaceOrder.Outcome.InvalidLines invalid -> ApiResponses.problem(400, "Invalid request", null,
                    List.of(new Violation("/lines", invalid.productId() + ": " + invalid.problem())));
            case PlaceOrder.Outcome.KeyReused reused -> ApiResponses.problem(409, "Idempotency key reused",
                    "this Idempotency-Key was already used for a different order request");
        };
    }

    private static String countryCode(JsonNode body) {
        return body.get("shippingAddress").get("countryCode").asText();
    }

    private static PlaceOrderCommand command(JsonNode body, Caller caller, Optional<String> key, APIGatewayV2HTTPEvent event) {
        JsonNode address = body.get("shippingAddress");
        return new PlaceOrderCommand(
                caller.subject(),
                caller.email(),
                body.get("lines").valueStream()
                        .map(line -> new PlaceOrderCommand.RequestedLine(line.get("productId").asText(), line.get("quantity").asInt()))
                        .toList(),
                new ShippingAddress(
                        address.get("recipientName").asText(),
                        address.get("line1").asText(),
                        address.hasNonNull("line2") ? address.get("line2").asText() : null,
                        address.get("city").asText(),
                        address.get("postalCode").asText(),
                        address.get("countryCode").asText()),
                body.get("paymentMethodRef").asText(),
                key.orElse(null),
                HttpRequests.requestId(event),
                HttpRequests.correlationId(event));
    }
}
