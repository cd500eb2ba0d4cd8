package com.example.shop.localcloud.e2e;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.iam.CallRecording;
import com.example.shop.localcloud.emulator.SentEmail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop on the local cloud, as the end-to-end stories use it: fresh products with stock, fresh
 * customers, and read-only looks into each service's table and queues to check the outcome.
 */
final class Shop implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final LocalCloud cloud;
    final ShopClient api;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final String admin;

    private final Map<String, String> emails = new java.util.concurrent.ConcurrentHashMap<>();

    Shop(LocalCloud cloud) {
        this.cloud = cloud;
        this.api = new ShopClient(cloud.apiBase());
        this.dynamo = cloud.clients().build(DynamoDbClient.builder());
        this.sqs = cloud.clients().build(SqsClient.builder());
        this.admin = cloud.identity().issueAdminToken("e2e-admin").bearer();
        CallRecording.remember(cloud, StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass());
    }

    /**
     * A product of its own for one story, created through the catalog API and restocked through
     * the inventory API; returns once the catalog's ProductCreated has reached the order service's
     * price table, so it can be ordered.
     */
    String newProduct(long priceCents, int stock) {
        ShopClient.Reply created = api.createProduct(admin, "Story product " + UUID.randomUUID().toString().substring(0, 8),
                category(), priceCents);
        assertThat(created.status()).as("create product answered %s", created.body()).isEqualTo(201);
        String productId = created.body().path("productId").asText();
        if (stock > 0) {
            // Inventory learns of the product from its ProductCreated: until then a restock is 404
            // and writes nothing, so it is repeated until it lands (once).
            assertThat(Await.until("inventory accepts the restock of " + productId,
                    () -> api.restock(admin, productId, stock).status(), status -> status != 404)).isEqualTo(200);
        }
        Await.until("the price of " + productId + " reaches the order service", () -> priceKnown(productId), known -> known);
        return productId;
    }

    private String category;

    /** The stories' category, created once through the catalog API. */
    String category() {
        if (category == null) {
            ShopClient.Reply reply = api.createCategory(admin, "Story goods");
            assertThat(reply.status()).isEqualTo(201);
            category = reply.body().path("categoryId").asText();
        }
        return category;
    }

    /** The admin's bearer token. */
    String admin() {
        return admin;
    }

    /** Whether the order service's price table holds a price for the product. */
    boolean priceKnown(String productId) {
        return item("OrdersTable", "price#" + productId).isPresent();
    }

    /** The order service's current price of a product, in minor units, or -1. */
    long orderServicePrice(String productId) {
        return item("OrdersTable", "price#" + productId).map(i -> Long.parseLong(i.get("amountMinor").n())).orElse(-1L);
    }

    /** A bearer token for a new customer. */
    String newCustomer() {
        String id = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        String bearer = cloud.identity().issueCustomerToken(id, id + "@example.com").bearer();
        emails.put(bearer, id + "@example.com");
        return bearer;
    }

    /** Waits until nothing is running, queued or unread in the local cloud ({@code LambdaRuntime#isSettled}). */
    void awaitSettled() {
        cloud.runtime().awaitSettled(java.time.Duration.ofSeconds(60));
    }

    /**
     * What the customer was told about their orders, oldest first, once nothing more is on its way
     * to them: each e-mail's kind, read from its subject ({@code placed}, {@code paid}, {@code shipped},
     * {@code rejected}, {@code declined}, {@code payment-failed}, {@code cancelled},
     * {@code undeliverable}, {@code refunded}).
     */
    List<String> mailKinds(String customer) {
        String email = emails.get(customer);
        awaitSettled();
        return mailsTo(email).stream().map(mail -> kindOf(mail.subject())).toList();
    }

    /** Each customer message's kind, by the words its subject template starts with or holds. */
    private static final Map<String, String> KINDS = new java.util.LinkedHashMap<>(Map.of(
            "we have your order", "placed", "payment received", "paid", "is on its way", "shipped",
            "we could not fulfil", "rejected", "was declined", "declined",
            "we could not take your payment", "payment-failed", "is cancelled", "cancelled",
            "we cannot deliver", "undeliverable", "refund of", "refunded"));

    private static String kindOf(String subject) {
        String words = subject.toLowerCase(java.util.Locale.ROOT);
        return KINDS.entrySet().stream().filter(kind -> words.contains(kind.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("an e-mail no story knows: " + subject));
    }

    /** Places an order and returns its id, failing unless it was accepted. */
    String placeOrder(String customer, String paymentMethod, String productId, int quantity) {
        ShopClient.Reply reply = api.placeOrder(customer, null, paymentMethod, Map.of(productId, quantity));
        assertThat(reply.status()).as("place order answered %s", reply.body()).isEqualTo(202);
        return reply.body().get("orderId").asText();
    }

    /** Places an order shipped to {@code countryCode} and returns its id, failing unless it was accepted. */
    String placeOrder(String customer, String paymentMethod, String productId, int quantity, String countryCode) {
        ShopClient.Reply reply = api.placeOrder(customer, null, paymentMethod, Map.of(productId, quantity), null,
                countryCode);
        assertThat(reply.status()).as("place order answered %s", reply.body()).isEqualTo(202);
        return reply.body().get("orderId").asText();
    }

    /** Waits until the order reaches {@code status} and returns it. */
    JsonNode awaitStatus(String customer, String orderId, String status) {
        return Await.until("order " + orderId + " is " + status, () -> api.getOrder(customer, orderId).body(),
                order -> order != null && status.equals(order.path("status").asText()));
    }

    /** Waits until the order's history holds every one of {@code events}. */
    JsonNode awaitHistory(String customer, String orderId, String... events) {
        return Await.until("order " + orderId + " history holds " + List.of(events),
                () -> api.getOrder(customer, orderId).body(),
                order -> order != null && historyEvents(order).containsAll(List.of(events)));
    }

    static List<String> historyEvents(JsonNode order) {
        List<String> events = new ArrayList<>();
        order.path("history").forEach(change -> events.add(change.path("event").asText()));
        return events;
    }

    static List<String> historyStatuses(JsonNode order) {
        List<String> statuses = new ArrayList<>();
        order.path("history").forEach(change -> statuses.add(change.path("status").asText()));
        return statuses;
    }

    /**
     * The order as the order service stored it (status and the events of its history), read from
     * its table rather than through the API, so that waiting for it costs the system nothing.
     */
    Optional<StoredOrder> storedOrder(String orderId) {
        return item("OrdersTable", "order#" + orderId).map(item -> {
            List<String> events = new ArrayList<>();
            try {
                JSON.readTree(item.get("history").s())
                        .forEach(change -> events.add(change.path("event").asText()));
            } catch (IOException e) {
                throw new IllegalStateException("the stored history of " + orderId + " is not JSON", e);
            }
            return new StoredOrder(item.get("status").s(), events);
        });
    }

    /** An order's status and the events of its history, as stored. */
    record StoredOrder(String status, List<String> events) {
    }

    /** Waits, without calling the API, until the stored order's history holds every one of {@code events}. */
    StoredOrder awaitStored(String orderId, String status, String... events) {
        return Await.until("order " + orderId + " is " + status + " with " + List.of(events) + " (as stored)",
                () -> storedOrder(orderId).orElse(null),
                order -> order != null && order.status().equals(status) && order.events().containsAll(List.of(events)));
    }

    /** Available and reserved units, through the inventory admin API. */
    int[] stock(String productId) {
        JsonNode body = api.stock(admin, productId).body();
        return new int[] {body.path("available").asInt(), body.path("reserved").asInt()};
    }

    /** The payment service's record of an order's payment, if any. */
    Optional<Map<String, AttributeValue>> payment(String orderId) {
        return item("PaymentsTable", "payment#" + orderId);
    }

    /** Inventory's record of an order (its reservation, refusal or cancel marker), if any. */
    Optional<Map<String, AttributeValue>> stockRecord(String orderId) {
        return item("InventoryTable", "reservation#" + orderId);
    }

    /** The shipping service's record of an order's shipment, if any. */
    Optional<Map<String, AttributeValue>> shipment(String orderId) {
        return item("ShipmentsTable", "shipment#" + orderId);
    }

    private Optional<Map<String, AttributeValue>> item(String table, String pk) {
        var response = dynamo.getItem(r -> r.tableName(cloud.system().resource(table)).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** Messages waiting in a queue (visible plus in flight). */
    int depth(String queueLogicalId) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl(queueLogicalId)).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Receives (and deletes) what is in a queue now, e.g. the operators' alerts. */
    List<String> drain(String queueLogicalId) {
        String url = queueUrl(queueLogicalId);
        List<String> bodies = new ArrayList<>();
        var messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        for (var message : messages) {
            bodies.add(message.body());
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
        }
        return bodies;
    }

    private String queueUrl(String logicalId) {
        String ref = cloud.system().resource(logicalId);
        return sqs.getQueueUrl(r -> r.queueName(ref.substring(ref.lastIndexOf('/') + 1))).queueUrl();
    }

    @Override
    public void close() {
        CallRecording.write();
        api.close();
        dynamo.close();
        sqs.close();
    }

    /** The e-mails the emulator's SES captured for one recipient, through the emulator's inspection endpoint. */
    List<SentEmail> mailsTo(String recipient) {
        return cloud.emulator().sentEmails().stream().filter(mail -> mail.sentTo(recipient)).toList();
    }
}
