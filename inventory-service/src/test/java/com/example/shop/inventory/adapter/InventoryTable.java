package com.example.shop.inventory.adapter;

import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * DynamoDB as moto emulates it, for the adapter ITs: a moto server started through the local
 * emulator (which creates the project virtualenv on first use and makes moto's conditional writes
 * and transactions atomic, as DynamoDB's are), and a fresh inventory table (key {@code pk}, as in
 * the template) for each test.
 */
final class InventoryTable implements AutoCloseable {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private final MotoServer moto;
    private final DynamoDbClient dynamo;

    private InventoryTable(MotoServer moto) {
        this.moto = moto;
        this.dynamo = new AwsClients(moto.endpoint()).build(DynamoDbClient.builder());
    }

    /** Starts a moto server; close it when the test class is done. */
    static InventoryTable startMoto() {
        return new InventoryTable(MotoServer.start());
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    /** Creates a new, empty inventory table and returns its name. */
    String fresh() {
        String table = "inventory-it-" + TABLES.incrementAndGet();
        dynamo.createTable(r -> r.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return table;
    }

    @Override
    public void close() {
        dynamo.close();
        moto.close();
    }
}
