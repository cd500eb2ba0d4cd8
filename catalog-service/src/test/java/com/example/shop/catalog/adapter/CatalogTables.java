package com.example.shop.catalog.adapter;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh catalog tables for the adapter integration tests, created with the SDK and shaped as the
 * template ({@code infra/template.yaml}) declares them: the write table keyed by {@code pk}, the
 * read table keyed by {@code pk} with the {@code byCategory} index.
 */
final class CatalogTables {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private CatalogTables() {
    }

    /** A new, empty write table; returns its name. */
    static String writeTable(DynamoDbClient dynamo) {
        String name = "catalog-it-" + TABLES.incrementAndGet();
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        return name;
    }

    /** A new, empty read table with its category index; returns its name. */
    static String readTable(DynamoDbClient dynamo) {
        String name = "catalog-read-it-" + TABLES.incrementAndGet();
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"), string("categoryId"), string("sortKey"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(DynamoDbCatalogReadModel.BY_CATEGORY)
                        .keySchema(KeySchemaElement.builder().attributeName("categoryId").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("sortKey").keyType(KeyType.RANGE).build())
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        return name;
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
