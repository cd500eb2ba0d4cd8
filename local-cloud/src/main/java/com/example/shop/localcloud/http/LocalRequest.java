package com.example.shop.localcloud.http;

import java.util.Map;
import java.util.Objects;

/**
 * A request to a development endpoint under {@code /_local/}.
 *
 * @param method          the HTTP method, upper case
 * @param path            the decoded request path, e.g. {@code /_local/orders/o-1/timeline}
 * @param pathParameters  values of the endpoint's {@code {name}} segments
 * @param queryParameters decoded query parameters, duplicates joined with commas
 * @param headers         headers with lower-case names, duplicates joined with commas
 * @param body            the body as UTF-8 text, empty when there is none
 */
public record LocalRequest(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Map<String, String> headers,
        String body) {

    public LocalRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
