package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.RequestTrace;
import com.example.shop.events.Money;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.ApiResponses.Violation;
import com.example.shop.platform.Caller;
import com.example.shop.platform.HttpEdge;
import com.example.shop.platform.HttpRequests;
import com.example.shop.platform.JsonRequestValidator;
import com.example.shop.platform.Observability;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one path every catalog HTTP function takes: the invocation runs through the
 * {@link HttpEdge} (observability, correlation, the catch-all 500); a query answers whoever asks, a command
 * first passes the admin gate and, when it has a body, the body's JSON schema. What is left to
 * each handler is its own parsing, its use-case call and the mapping of the outcome.
 *
 * <p>The generic request reading is {@link HttpRequests}; what is here is the catalog's own: the
 * admin gate (403 with or without a token: the catalog tells no one which it was), prices, and
 * the catalog's problem answers.
 */
final class CatalogHttp {

    private final Observability observability;

    CatalogHttp(Observability observability) {
        this.observability = observability;
    }

    /** A public query: answers whatever {@code query} answers, through the {@link HttpEdge}. */
    APIGatewayV2HTTPResponse query(APIGatewayV2HTTPEvent event, Context context,
                                   Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> query) {
        return HttpEdge.answer(observability, event, context, query);
    }

    /** An admin command without a body: 403 unless the caller is an admin, else what {@code command} answers. */
    APIGatewayV2HTTPResponse command(APIGatewayV2HTTPEvent event, Context context,
                                     Function<RequestTrace, APIGatewayV2HTTPResponse> command) {
        return query(event, context, request -> adminOnly(request).orElseGet(() -> command.apply(trace(request))));
    }

    /**
     * An admin command with a body: 403 unless the caller is an admin, 400 naming each violation
     * unless the body matches {@code schema}, else what {@code command} answers.
     */
    APIGatewayV2HTTPResponse command(APIGatewayV2HTTPEvent event, Context context, JsonRequestValidator schema,
                                     BiFunction<JsonNode, RequestTrace, APIGatewayV2HTTPResponse> command) {
        return command(event, context, trace -> switch (schema.validate(HttpRequests.body(event))) {
            case JsonRequestValidator.Invalid invalid ->
                    ApiResponses.problem(400, "Invalid request", "the body does not match the request schema",
                            invalid.violations());
            case JsonRequestValidator.Valid valid -> command.apply(valid.body(), trace);
        });
    }

    /** A 403 problem unless the caller is an admin. */
    static Optional<APIGatewayV2HTTPResponse> adminOnly(APIGatewayV2HTTPEvent event) {
        return Caller.of(event).filter(Caller::isAdmin).isPresent() ? Optional.empty()
                : Optional.of(ApiResponses.problem(403, "Forbidden", "changing the catalog needs an admin token"));
    }

    /** The request's id and correlation id, which the change stores as its origin. */
    static RequestTrace trace(APIGatewayV2HTTPEvent event) {
        return new RequestTrace(HttpRequests.requestId(event), HttpRequests.correlationId(event));
    }

    /**
     * What {@code action} answers for the entry the {@code {id}} path parameter names, or 404 when
     * the parameter cannot name a {@code what} (without asking any table).
     */
    static <I> APIGatewayV2HTTPResponse withPathId(APIGatewayV2HTTPEvent event, String what,
                                                   Predicate<String> wellFormed, Function<String, I> id,
                                                   Function<I, APIGatewayV2HTTPResponse> action) {
        String raw = HttpRequests.pathParameter(event, "id").orElse("");
        return wellFormed.test(raw) ? action.apply(id.apply(raw)) : notFound(what + " " + raw);
    }

    /**
     * A price from a schema-valid body: the schema checks the shape of the currency code, which
     * codes exist is the JDK's list (the one {@link Money} checks).
     */
    static Optional<Money> price(JsonNode price) {
        String currency = price.get("currency").asText();
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        return Optional.of(new Money(price.get("amountMinor").asLong(), currency));
    }

    /** 200 with a product's state after a command. */
    static APIGatewayV2HTTPResponse productState(Product product) {
        return ApiResponses.json(200, CatalogJson.ProductStateJson.of(product));
    }

    static APIGatewayV2HTTPResponse unknownCurrency(String pointer) {
        return ApiResponses.problem(400, "Invalid request", "the body does not match the request schema",
                List.of(new Violation(pointer, "must be an ISO 4217 currency code")));
    }

    /** Another change overtook this one's conditional write: the one 503 + Retry-After of every HTTP function. */
    static APIGatewayV2HTTPResponse concurrentChange() {
        return ApiResponses.changedConcurrently("the entry");
    }

    static APIGatewayV2HTTPResponse notFound(String what) {
        return ApiResponses.problem(404, "Not found", "no " + what);
    }
}
