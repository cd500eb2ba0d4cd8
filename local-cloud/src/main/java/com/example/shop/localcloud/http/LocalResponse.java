package com.example.shop.localcloud.http;

import java.util.Objects;

/**
 * The answer of a development endpoint under {@code /_local/}.
 *
 * @param statusCode  the HTTP status
 * @param contentType the {@code Content-Type}, e.g. {@code application/json}
 * @param body        the body as text
 */
public record LocalResponse(int statusCode, String contentType, String body) {

    public LocalResponse {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + statusCode);
        }
        Objects.requireNonNull(contentType, "contentType");
        body = body == null ? "" : body;
    }

    /** A JSON answer. */
    public static LocalResponse json(int statusCode, String json) {
        return new LocalResponse(statusCode, "application/json", json);
    }

    /** An RFC 9457 {@code application/problem+json} answer, as the shop's own API gives. */
    public static LocalResponse problem(int statusCode, String title, String detail) {
        var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("type", "about:blank").put("title", title).put("status", statusCode).put("detail", detail);
        return new LocalResponse(statusCode, "application/problem+json", body.toString());
    }
}
