package com.example.shop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.shop.platform.RequestCounts.Access;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Each call is recorded as what IAM authorises: the item actions of a transaction, one entry per
 * table of a batch, the index a query reads, each PutEvents entry with its source, and a call an
 * event source mapping makes for a function under that function's role.
 */
class IamRequestsTest {

    private static final String TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table/";

    private static java.util.List<Access> of(String service, String operation, software.amazon.awssdk.core.SdkPojo request) {
        return IamRequests.of("Fn", service, operation, request, "eu-west-1", "123456789012", null);
    }

    @Test
    void a_transaction_asks_for_the_action_of_each_of_its_writes() {
        var request = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("orders").item(Map.of()).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("prices")
                        .key(Map.of()).conditionExpression("x").build()).build()).build();

        assertThat(of("DynamoDb", "TransactWriteItems", request)).containsExactly(
                new Access("Fn", "dynamodb:PutItem", TABLE + "orders", Map.of()),
                new Access("Fn", "dynamodb:ConditionCheckItem", TABLE + "prices", Map.of()));
    }

    @Test
    void a_batch_asks_once_per_table_and_a_query_names_its_index() {
        var batch = BatchGetItemRequest.builder().requestItems(Map.of(
                "stock", KeysAndAttributes.builder().keys(Map.of("pk", AttributeValue.fromS("1"))).build())).build();
        var query = QueryRequest.builder().tableName("catalog-read").indexName("byCategory").build();

        assertThat(of("DynamoDb", "BatchGetItem", batch))
                .containsExactly(new Access("Fn", "dynamodb:BatchGetItem", TABLE + "stock", Map.of()));
        assertThat(of("DynamoDb", "Query", query))
                .containsExactly(new Access("Fn", "dynamodb:Query", TABLE + "catalog-read/index/byCategory", Map.of()));
    }

    @Test
    void each_put_events_entry_is_asked_for_with_its_source() {
        var request = PutEventsRequest.builder().entries(
                PutEventsRequestEntry.builder().eventBusName("shop-bus").source("shop.orders").build(),
                PutEventsRequestEntry.builder().eventBusName("shop-bus").source("shop.payments").build()).build();

        String bus = "arn:aws:events:eu-west-1:123456789012:event-bus/shop-bus";
        assertThat(of("EventBridge", "PutEvents", request)).containsExactly(
                new Access("Fn", "events:PutEvents", bus, Map.of("events:source", "shop.orders")),
                new Access("Fn", "events:PutEvents", bus, Map.of("events:source", "shop.payments")));
    }

    @Test
    void a_call_made_on_behalf_of_a_function_is_recorded_under_its_role_and_counted_under_the_caller() throws IOException {
        HttpServer dynamo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dynamo.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        dynamo.start();
        RequestCounts.Snapshot before = RequestCounts.shared().snapshot();
        try (DynamoDbClient client = new AwsClients(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCOUNT_ID", "123456789012",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + dynamo.getAddress().getPort()), "pollers")
                .build(DynamoDbClient.builder())) {
            client.getItem(r -> r.tableName("orders").key(Map.of("pk", AttributeValue.fromS("1")))
                    .overrideConfiguration(o -> o.putExecutionAttribute(RequestCounter.ON_BEHALF_OF, "ConsumerFunction")));
        } finally {
            dynamo.stop(0);
        }

        assertThat(RequestCounts.shared().snapshot().minus(before).calls().keySet())
                .containsExactly(new RequestCounts.Call("pollers", "DynamoDb", "GetItem"));
        assertThat(RequestCounts.shared().accesses())
                .containsKey(new Access("ConsumerFunction", "dynamodb:GetItem", TABLE + "orders", Map.of()));
    }
}
