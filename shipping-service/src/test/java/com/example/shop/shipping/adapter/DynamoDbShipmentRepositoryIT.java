package com.example.shop.shipping.adapter;

import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.MotoServer;
import com.example.shop.shipping.domain.ShipmentRepository;
import com.example.shop.shipping.testing.ShipmentRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.concurrent.atomic.AtomicInteger;

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

    private static final AtomicInteger TABLES = new AtomicInteger();

    private static MotoServer moto;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        dynamo = new AwsClients(moto.endpoint()).build(DynamoDbClient.builder());
    }

    @AfterAll
    static void stopMoto() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Override
    protected ShipmentRepository emptyRepository() {
        String table = "shipments-it-" + TABLES.incrementAndGet();
        dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        return new DynamoDbShipmentRepository(dynamo, table);
    }
}
