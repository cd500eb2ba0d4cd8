package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP API (payload format 2.0) requests for the catalog routes, loaded from the fixture files
 * under {@code events/http/} (an admin's command, a shopper's queries without a token) and
 * adjusted per test, and helpers to read the answers.
 */
final class HttpFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private HttpFixtures() {
    }

    /** An admin's command: {@code method path} with the given path id (or none) and body (or none). */
    static APIGatewayV2HTTPEvent adminCommand(String method, String routePath, String id, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/http/create-product.json");
        event.setRouteKey(method + " " + routePath);
        event.getRequestContext().setRouteKey(method + " " + routePath);
        event.getRequestContext().getHttp().setMethod(method);
        String path = id == null ? routePath : routePath.replace("{id}", id);
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setPathParameters(id == null ? null : new HashMap<>(Map.of("id", id)));
        event.setBody(body);
        return event;
    }

    /** {@code POST /products} by an admin, for espresso beans in the coffee category. */
    static APIGatewayV2HTTPEvent createProductRequest() {
        return EventLoader.loadApiGatewayHttpEvent("events/http/create-product.json");
    }

    /** {@code GET /products/{id}} without a token. */
    static APIGatewayV2HTTPEvent getProductRequest(String id) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/http/get-product.json");
        event.setPathParameters(new HashMap<>(Map.of("id", id)));
        return event;
    }

    /** {@code GET /products} without a token, with exactly these query parameters. */
    static APIGatewayV2HTTPEvent listProductsRequest(Map<String, String> query) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/http/list-products.json");
        event.setQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query));
        return event;
    }

    /** The same request from a signed-in customer who is no admin. */
    static APIGatewayV2HTTPEvent asCustomer(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("cognito:groups", "[customer]");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return event;
    }

    /** The request as it arrives on a route without a verified token. */
    static APIGatewayV2HTTPEvent withoutToken(APIGatewayV2HTTPEvent event) {
        event.getRequestContext().setAuthorizer(null);
        return event;
    }

    static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put(name, value);
        event.setHeaders(headers);
        return event;
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return read(response.getBody());
    }

    /** The JSON pointers (or parameter names) of a problem's violations, in order. */
    static List<String> violationFields(APIGatewayV2HTTPResponse response) {
        return json(response).path("violations").valueStream().map(v -> v.path("field").asText()).toList();
    }

    static String contentType(APIGatewayV2HTTPResponse response) {
        return response.getHeaders().get("content-type");
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
