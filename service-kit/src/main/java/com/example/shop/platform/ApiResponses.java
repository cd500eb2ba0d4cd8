package com.example.shop.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * HTTP API responses: JSON bodies, and RFC 9457 {@code application/problem+json} errors that
 * name each violation but never echo an exception's text.
 */
public final class ApiResponses {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private ApiResponses() {
    }

    /** A JSON response with the body serialised from {@code body}. */
    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    /** A JSON response with extra headers (e.g. {@code Location}). */
    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
        var all = new java.util.HashMap<>(headers);
        all.put("content-type", "application/json");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(all).withBody(write(body)).build();
    }

    /** A problem without violations, e.g. 404 or 409. */
    public static APIGatewayV2HTTPResponse problem(int status, String title, String detail) {
        return problem(status, title, detail, List.of());
    }

    /** A problem with extra members, e.g. {@code currentStatus} on a 409. */
    public static APIGatewayV2HTTPResponse problem(int status, String title, String detail, Map<String, String> members) {
        APIGatewayV2HTTPResponse response = problem(status, title, detail, List.of());
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(response.getBody());
            members.forEach(body::put);
            response.setBody(body.toString());
            return response;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem body is JSON by construction", e);
        }
    }

    /** How long a client waits before sending again a request that met a concurrent change. */
    public static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(2);

    /**
     * The one answer of every HTTP function whose optimistic-locking attempts were all overtaken
     * by other writers: 503 with {@code Retry-After: }{@link #RETRY_AFTER}. The conflict passes,
     * and the retried request decides again on the record as it then is; nothing was written.
     *
     * @param what the record that kept changing, for the detail (e.g. "the order")
     */
    public static APIGatewayV2HTTPResponse changedConcurrently(String what) {
        return unavailable(what + " is being changed by another request; try again shortly", RETRY_AFTER);
    }

    /**
     * A 503 problem with a {@code Retry-After} header: the request met a transient condition (a
     * record that kept changing under it) and may be sent again as it is.
     */
    public static APIGatewayV2HTTPResponse unavailable(String detail, java.time.Duration retryAfter) {
        APIGatewayV2HTTPResponse response = problem(503, "Service Unavailable", detail);
        response.setHeaders(Map.of("content-type", "application/problem+json",
                "retry-after", Long.toString(Math.max(1, retryAfter.toSeconds()))));
        return response;
    }

    /** A problem naming each violation (a JSON pointer into the request and what is wrong there). */
    public static APIGatewayV2HTTPResponse problem(int status, String title, String detail, List<Violation> violations) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (!violations.isEmpty()) {
            ArrayNode list = body.putArray("violations");
            violations.forEach(v -> list.addObject().put("field", v.field()).put("message", v.message()));
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/problem+json"))
                .withBody(body.toString()).build();
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response body is not serialisable: " + body.getClass().getName(), e);
        }
    }

    /** One thing wrong with a request. */
    public record Violation(String field, String message) {
    }
}
