package com.example.shop.localcloud.emulator;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB as moto emulates it, for a class of adapter integration tests: a moto server of the
 * class's own (started through the project virtualenv, with conditional writes and transactions
 * atomic as DynamoDB's are) and a client for it. Start it in {@code @BeforeAll}, close it in
 * {@code @AfterAll}; each test takes a fresh table.
 */
public final class EmulatedDynamoDb implements AutoCloseable {

    private final MotoServer moto;
    private final DynamoDbClient dynamo;

    private EmulatedDynamoDb(MotoServer moto) {
        this.moto = moto;
        this.dynamo = new AwsClients(moto.endpoint()).build(DynamoDbClient.builder());
    }

    /** Starts a moto server and a DynamoDB client for it. */
    public static EmulatedDynamoDb start() {
        return new EmulatedDynamoDb(MotoServer.start());
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /** The emulator, for clients of other services against the same server. */
    public MotoServer moto() {
        return moto;
    }

    /** A new, empty table keyed like the template's single-table designs ({@code pk}), named {@code prefix-N}. */
    public String freshPkTable(String prefix) {
        return DynamoDbTables.freshPkTable(dynamo, prefix);
    }

    @Override
    public void close() {
        dynamo.close();
        moto.close();
    }
}
