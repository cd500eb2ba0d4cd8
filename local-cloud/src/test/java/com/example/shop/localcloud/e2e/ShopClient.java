package com.example.shop.localcloud.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** The shop's HTTP API as a test sees it: real HTTP against the local cloud's API. */
final class ShopClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    ShopClient(URI base) {
        this.base = base;
    }

    /** A response: status, parsed JSON body (or null) and headers. */
    record Reply(int status, JsonNode body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.getOrDefault(name, List.of()).stream().findFirst().orElse(null);
        }
    }

    Reply placeOrder(String bearer, String idempotencyKey, String paymentMethodRef, Map<String, Integer> lines) {
        return placeOrder(bearer, idempotencyKey, paymentMethodRef, lines, null);
    }

    Reply placeOrder(String bearer, String idempotencyKey, String paymentMethodRef, Map<String, Integer> lines,
                     String correlationId) {
        return placeOrder(bearer, idempotencyKey, paymentMethodRef, lines, correlationId, "US");
    }

    /** Places an order shipped to a city in {@code countryCode}. */
    Reply placeOrder(String bearer, String idempotencyKey, String paymentMethodRef, Map<String, Integer> lines,
                     String correlationId, String countryCode) {
        StringBuilder body = new StringBuilder("{\"lines\":[");
        lines.forEach((product, quantity) -> body.append("{\"productId\":\"").append(product)
                .append("\",\"quantity\":").append(quantity).append("},"));
        body.setLength(body.length() - 1);
        body.append("],\"shippingAddress\":{\"recipientName\":\"Grace Hopper\",\"line1\":\"1 Harbour Road\",")
                .append("\"city\":\"Arlington\",\"postalCode\":\"22201\",\"countryCode\":\"").append(countryCode)
                .append("\"},")
                .append("\"paymentMethodRef\":\"").append(paymentMethodRef).append("\"}");
        var request = HttpRequest.newBuilder(base.resolve("/orders")).header("authorization", bearer)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("idempotency-key", idempotencyKey);
        }
        if (correlationId != null) {
            request.header("x-correlation-id", correlationId);
        }
        return send(request.build());
    }

    Reply getOrder(String bearer, String orderId) {
        return send(HttpRequest.newBuilder(base.resolve("/orders/" + orderId)).header("authorization", bearer).GET().build());
    }

    Reply cancel(String bearer, String orderId) {
        return send(HttpRequest.newBuilder(base.resolve("/orders/" + orderId + "/cancel")).header("authorization", bearer)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    Reply restock(String adminBearer, String productId, int quantity) {
        return send(HttpRequest.newBuilder(base.resolve("/inventory/" + productId + "/restock"))
                .header("authorization", adminBearer).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}")).build());
    }

    Reply stock(String adminBearer, String productId) {
        return send(HttpRequest.newBuilder(base.resolve("/inventory/" + productId)).header("authorization", adminBearer)
                .GET().build());
    }

    Reply createCategory(String adminBearer, String name) {
        return send(json(base.resolve("/categories"), adminBearer, "POST", "{\"name\":\"" + name + "\"}"));
    }

    Reply renameCategory(String adminBearer, String categoryId, String name) {
        return send(json(base.resolve("/categories/" + categoryId), adminBearer, "PUT", "{\"name\":\"" + name + "\"}"));
    }

    Reply createProduct(String adminBearer, String name, String categoryId, long priceCents) {
        return send(json(base.resolve("/products"), adminBearer, "POST", "{\"name\":\"" + name
                + "\",\"description\":\"made for a story\",\"categoryId\":\"" + categoryId
                + "\",\"price\":{\"amountMinor\":" + priceCents + ",\"currency\":\"EUR\"}}"));
    }

    Reply changePrice(String adminBearer, String productId, long priceCents) {
        return send(json(base.resolve("/products/" + productId + "/price"), adminBearer, "PUT",
                "{\"price\":{\"amountMinor\":" + priceCents + ",\"currency\":\"EUR\"}}"));
    }

    /** Public: no token. */
    Reply product(String productId) {
        return send(HttpRequest.newBuilder(base.resolve("/products/" + productId)).GET().build());
    }

    /** Public: no token. */
    Reply productsIn(String categoryId, int limit, String cursor) {
        String query = "/products?category=" + categoryId + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
        return send(HttpRequest.newBuilder(base.resolve(query)).GET().build());
    }

    private static HttpRequest json(URI uri, String bearer, String method, String body) {
        return HttpRequest.newBuilder(uri).header("authorization", bearer).header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The order's status, or null while it cannot be read. */
    String status(String bearer, String orderId) {
        Reply reply = getOrder(bearer, orderId);
        return reply.status() == 200 ? reply.body().get("status").asText() : null;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body, response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
