package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.domain.RequestTrace;
import com.example.shop.events.Money;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.ApiResponses.Violation;
import com.example.shop.platform.Caller;
import com.example.shop.platform.JsonRequestValidator;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** What the catalog handlers read from an HTTP API request (payload format 2.0), and the admin gate. */
final class HttpRequests {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private HttpRequests() {
    }

    /**
     * Runs an admin command: 403 unless the caller's token is in the admin group, 400 naming each
     * violation unless the body matches {@code schema}, else whatever {@code command} answers.
     */
    static APIGatewayV2HTTPResponse adminCommand(APIGatewayV2HTTPEvent event, JsonRequestValidator schema,
                                                 Function<JsonNode, APIGatewayV2HTTPResponse> command) {
        return adminOnly(event).orElseGet(() -> switch (schema.validate(body(event))) {
            case JsonRequestValidator.Invalid invalid ->
                    ApiResponses.problem(400, "Invalid request", "the body does not match the request schema",
                            invalid.violations());
            case JsonRequestValidator.Valid valid -> command.apply(valid.body());
        });
    }

    /** A 403 problem unless the caller is an admin. */
    static Optional<APIGatewayV2HTTPResponse> adminOnly(APIGatewayV2HTTPEvent event) {
        return Caller.of(event).filter(Caller::isAdmin).isPresent() ? Optional.empty()
                : Optional.of(ApiResponses.problem(403, "Forbidden", "changing the catalog needs an admin token"));
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

    static APIGatewayV2HTTPResponse unknownCurrency(String pointer) {
        return ApiResponses.problem(400, "Invalid request", "the body does not match the request schema",
                List.of(new Violation(pointer, "must be an ISO 4217 currency code")));
    }

    static APIGatewayV2HTTPResponse concurrentChange() {
        return ApiResponses.problem(409, "Concurrent change",
                "the entry changed while this request was handled; read it again and retry");
    }

    static APIGatewayV2HTTPResponse notFound(String what) {
        return ApiResponses.problem(404, "Not found", "no " + what);
    }

    /** A header by name; the HTTP API lower-cases header names in payload format 2.0. */
    static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        return headers == null ? Optional.empty() : Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The request's id and correlation id: a caller's well-formed {@code X-Correlation-Id} is kept
     * so that its own trace joins ours; otherwise the correlation starts with the request id.
     */
    static RequestTrace trace(APIGatewayV2HTTPEvent event) {
        String requestId = event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                ? event.getRequestContext().getRequestId() : "unknown-request";
        String correlationId = header(event, "x-correlation-id").filter(id -> SAFE_ID.matcher(id).matches())
                .orElse(requestId);
        return new RequestTrace(requestId, correlationId);
    }

    static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return null;
        }
        return event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8) : event.getBody();
    }

    static Optional<String> pathParameter(APIGatewayV2HTTPEvent event, String name) {
        return event.getPathParameters() == null ? Optional.empty()
                : Optional.ofNullable(event.getPathParameters().get(name));
    }

    static Optional<String> queryParameter(APIGatewayV2HTTPEvent event, String name) {
        return event.getQueryStringParameters() == null ? Optional.empty()
                : Optional.ofNullable(event.getQueryStringParameters().get(name));
    }
}
