package com.example.shop.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small demo catalogue for the local cloud, created the way an operator would: a category and
 * products through the catalog's admin API, stock through the inventory's admin API. The catalog's
 * events then feed the order service's price table and the inventory's stock items, exactly as on
 * AWS; seeding waits (bounded) until every price has arrived, so the first order works.
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(60);

    /** Product name → unit price in euro cents. */
    public static final Map<String, Long> PRODUCTS;
    /** Units of stock each demo product starts with. */
    public static final int STOCK = 100;

    static {
        Map<String, Long> products = new LinkedHashMap<>();
        products.put("Espresso beans 1 kg", 1_990L);
        products.put("Ceramic cup", 890L);
        products.put("Hand grinder", 12_900L);
        products.put("Gooseneck kettle", 4_900L);
        PRODUCTS = Map.copyOf(products);
    }

    /** What was seeded: product id → name and price. */
    public record Seeded(String categoryId, Map<String, Product> products, int stockPerProduct) {
    }

    /** One seeded product. */
    public record Product(String name, long priceCents) {
    }

    private DemoData() {
    }

    public static Seeded seed(LocalCloud cloud) {
        String admin = cloud.identity().issueAdminToken("demo-admin").bearer();
        URI api = cloud.apiBase();
        String categoryId = post(api, admin, "/categories", "{\"name\":\"Coffee gear\"}").path("categoryId").asText();
        Map<String, Product> products = new LinkedHashMap<>();
        PRODUCTS.forEach((name, cents) -> {
            String body = "{\"name\":\"" + name + "\",\"description\":\"Demo product\",\"categoryId\":\"" + categoryId
                    + "\",\"price\":{\"amountMinor\":" + cents + ",\"currency\":\"EUR\"}}";
            String productId = post(api, admin, "/products", body).path("productId").asText();
            restock(api, admin, productId, STOCK);
            products.put(productId, new Product(name, cents));
        });
        awaitPrices(cloud, products.keySet());
        return new Seeded(categoryId, products, STOCK);
    }

    /** Waits until the order service's price table knows every product (fed by ProductCreated). */
    private static void awaitPrices(LocalCloud cloud, Iterable<String> productIds) {
        long deadline = System.nanoTime() + PROPAGATION_TIMEOUT.toNanos();
        try (DynamoDbClient dynamo = cloud.clients().build(DynamoDbClient.builder())) {
            String ordersTable = cloud.system().resource("OrdersTable");
            for (String productId : productIds) {
                while (!dynamo.getItem(r -> r.tableName(ordersTable)
                        .key(Map.of("pk", AttributeValue.fromS("price#" + productId)))).hasItem()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the price of " + productId + " did not reach the order service"
                                + " within " + PROPAGATION_TIMEOUT.toSeconds() + " s");
                    }
                    sleep();
                }
            }
        }
    }

    /**
     * Adds stock through {@code POST /inventory/{productId}/restock}. Inventory learns of a new
     * product from its ProductCreated; until that arrives the restock answers 404 and writes
     * nothing, so it is sent again until it lands, once.
     */
    public static void restock(URI api, String adminBearer, String productId, int quantity) {
        long deadline = System.nanoTime() + PROPAGATION_TIMEOUT.toNanos();
        String path = "/inventory/" + productId + "/restock";
        while (true) {
            try {
                post(api, adminBearer, path, "{\"quantity\":" + quantity + "}");
                return;
            } catch (UnknownYet notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("inventory did not learn of " + productId + " within "
                            + PROPAGATION_TIMEOUT.toSeconds() + " s", notYet);
                }
                sleep();
            }
        }
    }

    /** A 404: what was asked for does not exist, or not yet. */
    private static final class UnknownYet extends IllegalStateException {
        UnknownYet(String message) {
            super(message);
        }
    }

    private static JsonNode post(URI api, String bearer, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path))
                .header("authorization", bearer)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                throw new UnknownYet("POST " + path + " answered 404: " + response.body());
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + path, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        }
    }
}
