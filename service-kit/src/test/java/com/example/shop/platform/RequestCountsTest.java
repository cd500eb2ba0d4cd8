package com.example.shop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.shop.platform.RequestCounts.Call;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every client built by {@link AwsClients} counts its calls by caller, service and API, and a
 * snapshot taken before some work tells what that work cost in requests.
 */
class RequestCountsTest {

    /** A stand-in for DynamoDB that answers every request with an empty item, after some failures. */
    private HttpServer dynamo;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger requestsReceived = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        dynamo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dynamo.createContext("/", exchange -> {
            requestsReceived.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] body = (fail ? "{\"__type\":\"InternalServerError\"}" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        dynamo.start();
    }

    @AfterEach
    void stop() {
        dynamo.stop(0);
    }

    private DynamoDbClient clientOf(String functionName) {
        return new AwsClients(Map.of("AWS_REGION", "eu-west-1", "AWS_LAMBDA_FUNCTION_NAME", functionName,
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + dynamo.getAddress().getPort())).build(DynamoDbClient.builder());
    }

    private static void getItem(DynamoDbClient client) {
        client.getItem(r -> r.tableName("orders").key(Map.of("pk", AttributeValue.fromS("order#1"))));
    }

    @Test
    void each_call_is_counted_under_the_function_the_service_and_the_api() {
        RequestCounts.Snapshot before = RequestCounts.shared().snapshot();
        try (DynamoDbClient orders = clientOf("PlaceOrderFunction"); DynamoDbClient stock = clientOf("ReserveStockFunction")) {
            getItem(orders);
            getItem(orders);
            stock.putItem(r -> r.tableName("stock").item(Map.of("pk", AttributeValue.fromS("stock#1"))));
        }

        RequestCounts.Snapshot made = RequestCounts.shared().snapshot().minus(before);

        assertThat(made.calls()).containsExactly(
                Map.entry(new Call("PlaceOrderFunction", "DynamoDb", "GetItem"), 2L),
                Map.entry(new Call("ReserveStockFunction", "DynamoDb", "PutItem"), 1L));
        assertThat(made.total()).isEqualTo(3);
    }

    @Test
    void a_call_the_sdk_retries_counts_once() {
        failuresLeft.set(2);
        RequestCounts.Snapshot before = RequestCounts.shared().snapshot();
        try (DynamoDbClient client = clientOf("RetriedFunction")) {
            getItem(client);
        }

        assertThat(requestsReceived).as("the SDK retried").hasValue(3);
        assertThat(RequestCounts.shared().snapshot().minus(before).calls())
                .containsExactly(Map.entry(new Call("RetriedFunction", "DynamoDb", "GetItem"), 1L));
    }

    @Test
    void a_client_built_for_a_named_caller_counts_under_that_name() {
        RequestCounts.Snapshot before = RequestCounts.shared().snapshot();
        try (DynamoDbClient client = new AwsClients(Map.of("AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + dynamo.getAddress().getPort()), "pollers")
                .build(DynamoDbClient.builder())) {
            getItem(client);
        }

        assertThat(RequestCounts.shared().snapshot().minus(before).calls().keySet())
                .containsExactly(new Call("pollers", "DynamoDb", "GetItem"));
    }

    @Test
    void a_snapshot_selects_callers_and_sums_by_api() {
        RequestCounts counts = new RequestCounts();
        RequestCounter orders = new RequestCounter("PlaceOrderFunction", counts);
        counts.add(new Call("PlaceOrderFunction", "DynamoDb", "PutItem"));
        counts.add(new Call("OrderOutboxFunction", "EventBridge", "PutEvents"));
        counts.add(new Call("OrderOutboxFunction", "DynamoDb", "PutItem"));
        counts.add(new Call("pollers", "SQS", "ReceiveMessage"));

        RequestCounts.Snapshot functions = counts.snapshot().of(caller -> !caller.equals("pollers"));

        assertThat(orders.caller()).isEqualTo("PlaceOrderFunction");
        assertThat(functions.byApi()).containsExactly(Map.entry("DynamoDb:PutItem", 2L), Map.entry("EventBridge:PutEvents", 1L));
        assertThat(functions.total()).isEqualTo(3);
    }

    @Test
    void what_was_not_called_since_the_earlier_snapshot_is_left_out_of_the_difference() {
        RequestCounts counts = new RequestCounts();
        counts.add(new Call("A", "SQS", "SendMessage"));
        RequestCounts.Snapshot earlier = counts.snapshot();
        counts.add(new Call("B", "SNS", "Publish"));

        assertThat(counts.snapshot().minus(earlier).calls()).containsExactly(Map.entry(new Call("B", "SNS", "Publish"), 1L));
    }
}
