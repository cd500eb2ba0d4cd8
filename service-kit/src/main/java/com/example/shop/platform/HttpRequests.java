package com.example.shop.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * What every HTTP handler reads from an HTTP API request (payload format 2.0) besides the body's
 * content: headers, path and query parameters, the request and correlation ids, the body as text,
 * and the admin gate.
 */
public final class HttpRequests {

    /** Ids a client may send us (correlation ids, idempotency keys): safe in logs and table keys. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private HttpRequests() {
    }

    /** A header by name; the HTTP API lower-cases header names in payload format 2.0. */
    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        return headers == null ? Optional.empty() : Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The HTTP API's id of this request. */
    public static String requestId(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                ? event.getRequestContext().getRequestId() : "unknown-request";
    }

    /**
     * The correlation id is born here: a caller's well-formed {@code X-Correlation-Id} is kept so
     * that a client's own trace joins ours; otherwise the API request id is used.
     */
    public static String correlationId(APIGatewayV2HTTPEvent event) {
        return header(event, "x-correlation-id").filter(id -> SAFE_ID.matcher(id).matches())
                .orElseGet(() -> requestId(event));
    }

    /** The {@code Idempotency-Key} header: empty when absent, failing when present but unusable. */
    public static Optional<String> idempotencyKey(APIGatewayV2HTTPEvent event) {
        Optional<String> key = header(event, "idempotency-key");
        if (key.isPresent() && !SAFE_ID.matcher(key.get()).matches()) {
            throw new IllegalArgumentException("Idempotency-Key must be 1-128 characters of letters, digits, . _ : -");
        }
        return key;
    }

    /** The request body as text; HTTP APIs base64-encode bodies they consider binary. */
    public static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return null;
        }
        return event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8) : event.getBody();
    }

    public static Optional<String> pathParameter(APIGatewayV2HTTPEvent event, String name) {
        return event.getPathParameters() == null ? Optional.empty()
                : Optional.ofNullable(event.getPathParameters().get(name));
    }

    public static Optional<String> queryParameter(APIGatewayV2HTTPEvent event, String name) {
        return event.getQueryStringParameters() == null ? Optional.empty()
                : Optional.ofNullable(event.getQueryStringParameters().get(name));
    }

    /**
     * A 401 problem without a verified caller, a 403 problem unless the caller is in the
     * {@code admin} group; empty when an admin may go on.
     *
     * @param what what only admins may do, for the 403's detail (e.g. "manage stock")
     */
    public static Optional<APIGatewayV2HTTPResponse> refuseUnlessAdmin(APIGatewayV2HTTPEvent event, String what) {
        Optional<Caller> caller = Caller.of(event);
        if (caller.isEmpty()) {
            // The JWT authorizer normally stops such a request before it gets here.
            return Optional.of(ApiResponses.problem(401, "Unauthorized", "A valid access token is required."));
        }
        if (!caller.get().isAdmin()) {
            return Optional.of(ApiResponses.problem(403, "Forbidden", "Only the admin group may " + what + "."));
        }
        return Optional.empty();
    }
}
