package com.example.shop.localcloud.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the local API writes back to the client: status, headers in order (a name may repeat, as
 * {@code Set-Cookie} does) and body bytes.
 */
record HttpReply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    static final HttpReply NOT_FOUND = message(404, "Not Found");
    static final HttpReply INTERNAL_SERVER_ERROR = message(500, "Internal Server Error");

    HttpReply {
        headers = List.copyOf(headers);
    }

    /** API Gateway's own error shape, e.g. {@code {"message":"Unauthorized"}}. */
    static HttpReply message(int status, String message) {
        return json(status, "{\"message\":\"" + message + "\"}");
    }

    static HttpReply json(int status, String json) {
        return new HttpReply(status, List.of(Map.entry("Content-Type", "application/json")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    HttpReply withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new HttpReply(status, more, body);
    }
}
