package com.example.shop.order.adapter;

import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link DynamoDbPriceBook} against DynamoDB as moto emulates it (started through the local
 * emulator), read back through the {@link DynamoDbPriceTable} that prices orders: the price list's
 * contract, with the version conditions of the transactions and the withdrawal marker. Each test
 * gets a table of its own.
 */
class DynamoDbPriceListIT extends PriceListContract {

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
    PriceList newPriceList() {
        String table = OrdersTables.create(dynamo, "orders-prices-it-" + TABLES.incrementAndGet());
        return new PriceList(new DynamoDbPriceBook(dynamo, table), new DynamoDbPriceTable(dynamo, table));
    }
}
