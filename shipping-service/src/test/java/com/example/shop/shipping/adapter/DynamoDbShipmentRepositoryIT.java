package com.example.shop.shipping.adapter;

import com.example.shop.localcloud.emulator.EmulatedDynamoDb;
import com.example.shop.shipping.domain.ShipmentRepository;
import com.example.shop.shipping.testing.ShipmentRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;


/**
 * The DynamoDB adapter keeps the shipment repository's contract, against DynamoDB as moto
 * emulates it: each test gets a fresh table shaped as the template's shipments table ({@code pk}
 * string hash key).
 *
 * <p>Starts its own moto server through the local emulator (which creates the project virtualenv
 * on first use and makes moto's conditional writes atomic, as DynamoDB's are) and stops it
 * afterwards.
 */
class DynamoDbShipmentRepositoryIT extends ShipmentRepositoryContract {

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
    protected ShipmentRepository emptyRepository() {
        String table = emulator.freshPkTable("shipments-it");
        return new DynamoDbShipmentRepository(dynamo, table);
    }
}
