package com.example.shop.localcloud;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small demo catalogue for the local cloud: a few products with prices and stock, so an order
 * can be placed the moment the system is up.
 *
 * <p>Stock goes in through the inventory service's own admin API, as an operator would do it.
 * Prices are written straight into the order service's price projection: that projection is fed
 * by the catalog's events once the catalog service exists, and until then this is the one
 * shortcut the local cloud takes.
 */
public final class DemoData {

    /** Product id → unit price in euro cents. */
    public static final Map<String, Long> PRICES;
    /** Units of stock each demo product starts with. */
    public static final int STOCK = 100;

    static {
        Map<String, Long> prices = new LinkedHashMap<>();
        prices.put("espresso-beans-1kg", 1_990L);
        prices.put("ceramic-cup", 890L);
        prices.put("hand-grinder", 12_900L);
        prices.put("gooseneck-kettle", 4_900L);
        PRICES = Map.copyOf(prices);
    }

    /** What was seeded. */
    public record Seeded(Map<String, Long> prices, int stockPerProduct) {
    }

    private DemoData() {
    }

    public static Seeded seed(LocalCloud cloud) {
        try (DynamoDbClient dynamo = cloud.clients().build(DynamoDbClient.builder())) {
            String ordersTable = cloud.system().resource("OrdersTable");
            PRICES.forEach((productId, cents) -> setPrice(dynamo, ordersTable, productId, cents, "EUR"));
        }
        String admin = cloud.identity().issueAdminToken("demo-admin").bearer();
        PRICES.keySet().forEach(productId -> restock(cloud.apiBase(), admin, productId, STOCK));
        return new Seeded(PRICES, STOCK);
    }

    /** Writes one entry of the order service's price projection. */
    public static void setPrice(DynamoDbClient dynamo, String ordersTable, String productId, long cents, String currency) {
        dynamo.putItem(r -> r.tableName(ordersTable).item(Map.of(
                "pk", AttributeValue.fromS("price#" + productId),
                "productId", AttributeValue.fromS(productId),
                "amountMinor", AttributeValue.fromN(Long.toString(cents)),
                "currency", AttributeValue.fromS(currency))));
    }

    /** Adds stock through {@code POST /inventory/{productId}/restock}. */
    public static void restock(URI api, String adminBearer, String productId, int quantity) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/inventory/" + productId + "/restock"))
                .header("authorization", adminBearer)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("restocking " + productId + " answered " + response.statusCode()
                        + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("restocking " + productId + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restocking " + productId, e);
        }
    }
}
