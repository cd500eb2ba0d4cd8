package com.example.shop.catalog.adapter;

import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.CatalogReadModelContract;
import com.example.shop.localcloud.emulator.EmulatedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB read model keeps the {@link CatalogReadModelContract} on DynamoDB as moto emulates it (started
 * through the local emulator, which makes moto's conditional writes atomic as DynamoDB's are);
 * each test gets a fresh table.
 */
class DynamoDbCatalogReadModelIT extends CatalogReadModelContract {

    private static EmulatedDynamoDb emulator;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void startMoto() {
        emulator = EmulatedDynamoDb.start();
        dynamo = emulator.dynamo();
    }

    @AfterAll
    static void stopMoto() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    protected CatalogReadModel emptyReadModel() {
        return new DynamoDbCatalogReadModel(dynamo, CatalogTables.readTable(dynamo));
    }
}
