package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the order handlers read from an HTTP API request besides the body's content. */
final class HttpRequests {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private HttpRequests() {
    }

    /** A header by name; the HTTP API lower-cases header names in payload format 2.0. */
    static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        return headers == null ? Optional.empty() : Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    static String requestId(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                ? event.getRequestContext().getRequestId() : "unknown-request";
    }

    /**
     * The correlation id is born here: a caller's well-formed {@code X-Correlation-Id} is kept so
     * that a client's own trace joins ours; otherwise the API request id is used.
     */
    static String correlationId(APIGatewayV2HTTPEvent event) {
        return header(event, "x-correlation-id").filter(id -> SAFE_ID.matcher(id).matches())
                .orElseGet(() -> requestId(event));
    }

    /** The {@code Idempotency-Key} header: empty when absent, failing when present but unusable. */
    static Optional<String> idempotencyKey(APIGatewayV2HTTPEvent event) {
        Optional<String> key = header(event, "idempotency-key");
        if (key.isPresent() && !SAFE_ID.matcher(key.get()).matches()) {
            throw new IllegalArgumentException("Idempotency-Key must be 1-128 characters of letters, digits, . _ : -");
        }
        return key;
    }

    static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return null;
        }
        return event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8) : event.getBody();
    }

    static Optional<String> pathParameter(APIGatewayV2HTTPEvent event, String name) {
        return event.getPathParameters() == null ? Optional.empty() : Optional.ofNullable(event.getPathParameters().get(name));
    }
}
