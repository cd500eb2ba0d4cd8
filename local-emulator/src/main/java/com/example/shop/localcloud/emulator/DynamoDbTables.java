package com.example.shop.localcloud.emulator;

import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Fresh tables for adapter integration tests, shaped like the template's single-table designs: a
 * string partition key {@code pk} and on-demand billing.
 */
public final class DynamoDbTables {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private DynamoDbTables() {
    }

    /** Creates a new, empty table named {@code prefix-N} and returns its name. */
    public static String freshPkTable(DynamoDbClient dynamo, String prefix) {
        String table = prefix + "-" + TABLES.incrementAndGet();
        dynamo.createTable(r -> r.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return table;
    }
}
