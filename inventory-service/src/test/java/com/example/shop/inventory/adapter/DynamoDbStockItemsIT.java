package com.example.shop.inventory.adapter;

import com.example.shop.localcloud.emulator.EmulatedDynamoDb;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.testing.StockItemsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link DynamoDbStockItems} against DynamoDB as moto emulates it keeps the
 * {@link StockItemsContract}: the item it opens is the one {@link DynamoDbStockLedger} restocks
 * and reads, in the same table.
 */
class DynamoDbStockItemsIT extends StockItemsContract {

    private static EmulatedDynamoDb tables;

    @BeforeAll
    static void startMoto() {
        tables = EmulatedDynamoDb.start();
    }

    @AfterAll
    static void stopMoto() {
        if (tables != null) {
            tables.close();
        }
    }

    @Override
    protected Books emptyBooks() {
        String table = tables.freshPkTable("inventory-it");
        return new Books(new DynamoDbStockItems(tables.dynamo(), table),
                new DynamoDbStockLedger(tables.dynamo(), table, new EventCodec()));
    }
}
