package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP API (payload format 2.0) requests for the order routes, loaded from the fixture files under
 * {@code events/http/} and adjusted per test, and helpers to read the answers.
 */
final class HttpFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private HttpFixtures() {
    }

    /** {@code POST /orders} by Erika for two beans and a mug. */
    static APIGatewayV2HTTPEvent placeOrderRequest() {
        return EventLoader.loadApiGatewayHttpEvent("events/http/place-order.json");
    }

    /** {@code GET /orders/{id}} by Erika. */
    static APIGatewayV2HTTPEvent getOrderRequest(String orderId) {
        return withPathId(EventLoader.loadApiGatewayHttpEvent("events/http/get-order.json"), orderId);
    }

    /** {@code POST /orders/{id}/cancel} by Erika. */
    static APIGatewayV2HTTPEvent cancelOrderRequest(String orderId) {
        return withPathId(EventLoader.loadApiGatewayHttpEvent("events/http/cancel-order.json"), orderId);
    }

    private static APIGatewayV2HTTPEvent withPathId(APIGatewayV2HTTPEvent event, String orderId) {
        event.setPathParameters(new HashMap<>(Map.of("id", orderId)));
        return event;
    }

    static ObjectNode body(APIGatewayV2HTTPEvent event) {
        return (ObjectNode) read(event.getBody());
    }

    static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, JsonNode body) {
        event.setBody(body.toString());
        return event;
    }

    static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put(name, value);
        event.setHeaders(headers);
        return event;
    }

    /** The same request as another signed-in customer. */
    static APIGatewayV2HTTPEvent asCustomer(APIGatewayV2HTTPEvent event, String subject) {
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sub", subject);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return event;
    }

    static APIGatewayV2HTTPEvent withoutClaim(APIGatewayV2HTTPEvent event, String claim) {
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.remove(claim);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return event;
    }

    /** The request as it arrives on a route without a verified token. */
    static APIGatewayV2HTTPEvent withoutToken(APIGatewayV2HTTPEvent event) {
        event.getRequestContext().setAuthorizer(null);
        return event;
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return read(response.getBody());
    }

    /** The JSON pointers of a problem's violations, in order. */
    static List<String> violationFields(APIGatewayV2HTTPResponse response) {
        return json(response).path("violations").valueStream().map(v -> v.path("field").asText()).toList();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
