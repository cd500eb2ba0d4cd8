package com.example.shop.coldstart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.example.shop.localcloud.DemoData;
import com.example.shop.localcloud.LocalCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A short life of the shop on the local cloud that makes every function handle at least one real
 * event: the demo catalogue is seeded; one order is paid and shipped; one is paid and cancelled
 * (release, refund); one hits a transient payment error until its charge lands in the DLQ; and
 * the catalogue and stock are read, renamed, repriced, discontinued and rebuilt through the admin
 * API. Each wait is bounded; a function the journey did not reach is measured without an event.
 */
final class Journey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

    private final LocalCloud cloud;
    private final EventCapture capture;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI api;
    private final String admin;

    Journey(LocalCloud cloud, EventCapture capture) {
        this.cloud = cloud;
        this.capture = capture;
        this.api = cloud.apiBase();
        this.admin = cloud.identity().issueAdminToken("cold-start-admin").bearer();
    }

    void run(boolean includeDeadLetterPath) {
        DemoData.Seeded seeded = DemoData.seed(cloud);
        String product = seeded.products().keySet().iterator().next();
        String customerId = "customer-" + UUID.randomUUID();
        String customer = cloud.identity().issueCustomerToken(customerId, customerId + "@example.com").bearer();

        // an order paid and shipped: reserve, charge, ship, status updates, notifications
        String shipped = placeOrder(customer, product, "pm-card-visa");
        awaitStatus(customer, shipped, "SHIPPED");

        // an order paid, then cancelled before shipping: release and refund
        cloud.runtime().pause("ScheduleShipmentFunction");
        try {
            String cancelled = placeOrder(customer, product, "pm-card-visa");
            awaitStatus(customer, cancelled, "PAID");
            send("POST", "/orders/" + cancelled + "/cancel", customer, null);
            await("stock released and payment refunded", () -> capture.captured("ReleaseStockFunction")
                    && capture.captured("RefundPaymentFunction"));
        } finally {
            cloud.runtime().resume("ScheduleShipmentFunction");
        }

        // the read side and the admin API
        send("GET", "/products/" + product, null, null);
        send("GET", "/products?category=" + seeded.categoryId() + "&limit=10", null, null);
        send("GET", "/inventory/" + product, admin, null);
        send("PUT", "/categories/" + seeded.categoryId(), admin, "{\"name\":\"Coffee gear and more\"}");
        send("PUT", "/products/" + product + "/price", admin, "{\"price\":{\"amountMinor\":2090,\"currency\":\"EUR\"}}");
        String doomed = send("POST", "/products", admin, "{\"name\":\"Moka pot\",\"description\":\"to be discontinued\","
                + "\"categoryId\":\"" + seeded.categoryId() + "\",\"price\":{\"amountMinor\":2500,\"currency\":\"EUR\"}}")
                .path("productId").asText();
        send("POST", "/products/" + doomed + "/discontinue", admin, null);
        send("POST", "/admin/catalog/rebuild", admin, null);

        if (includeDeadLetterPath) {
            // a charge that keeps failing ends in the payment DLQ and is compensated from there
            placeOrder(customer, product, "pm-transient-error");
            await("a charge in the payment DLQ handled", () -> capture.captured("PaymentDlqFunction"));
        }
        await("the catalogue's events delivered", () -> capture.captured("UpdatePriceTableFunction")
                && capture.captured("ProjectCatalogFunction"));
    }

    private String placeOrder(String customer, String product, String paymentMethod) {
        String body = "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1}],"
                + "\"shippingAddress\":{\"recipientName\":\"Grace Hopper\",\"line1\":\"1 Harbour Road\","
                + "\"city\":\"Arlington\",\"postalCode\":\"22201\",\"countryCode\":\"US\"},"
                + "\"paymentMethodRef\":\"" + paymentMethod + "\"}";
        JsonNode placed = send("POST", "/orders", customer, body, List.of("idempotency-key", UUID.randomUUID().toString()));
        return placed.path("orderId").asText();
    }

    private void awaitStatus(String customer, String orderId, String status) {
        await("order " + orderId + " " + status, () -> status.equals(
                send("GET", "/orders/" + orderId, customer, null).path("status").asText()));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("journey step did not finish within " + STEP_TIMEOUT.toSeconds()
                        + " s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private JsonNode send(String method, String path, String bearer, String body) {
        return send(method, path, bearer, body, List.of());
    }

    private JsonNode send(String method, String path, String bearer, String body, List<String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("authorization", bearer);
        }
        if (body != null) {
            request.header("content-type", "application/json");
        }
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
            }
            return response.body() == null || response.body().isBlank()
                    ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
