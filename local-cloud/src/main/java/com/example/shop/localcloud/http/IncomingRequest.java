package com.example.shop.localcloud.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One HTTP request as it reached the local API, before any API Gateway mapping: the raw path and
 * query exactly as sent, header values grouped under lower-case names.
 *
 * @param method    the HTTP method, upper case
 * @param rawPath   the path as sent, still percent-encoded
 * @param rawQuery  the query string as sent without {@code ?}, empty when there is none
 * @param headers   every header value, by lower-case name, in arrival order
 * @param body      the body bytes, empty when there is none
 * @param protocol  e.g. {@code HTTP/1.1}
 * @param sourceIp  the client's address
 * @param localPort the port the API listens on
 */
record IncomingRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String protocol,
        String sourceIp,
        int localPort) {

    IncomingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        Map<String, List<String>> lowerCased = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowerCased
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
        headers = lowerCased;
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, or {@code null}. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Headers as payload format 2.0 carries them: one string per name, duplicates joined with commas. */
    Map<String, String> joinedHeaders() {
        Map<String, String> joined = new LinkedHashMap<>();
        headers.forEach((name, values) -> joined.put(name, String.join(",", values)));
        return joined;
    }

    /** The decoded path segments, {@code /orders/a%20b} giving {@code [orders, a b]}. */
    List<String> pathSegments() {
        return PathTemplate.split(rawPath).stream().map(IncomingRequest::decodePathSegment).toList();
    }

    /** The decoded path, for development endpoints. */
    String decodedPath() {
        return pathSegments().stream().collect(Collectors.joining("/", "/", ""));
    }

    /**
     * Query parameters decoded, duplicates joined with commas as payload format 2.0 does; a
     * parameter without {@code =} has the empty value.
     */
    Map<String, String> queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decodeQueryPart(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQueryPart(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    private static String decodePathSegment(String segment) {
        // In a path '+' is a plus sign, not a space.
        return decodeQueryPart(segment.replace("+", "%2B"));
    }

    private static String decodeQueryPart(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return part;
        }
    }
}
