package com.example.shop.inventory.adapter;

import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.StockLevel;
import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DynamoDbStockItems} against DynamoDB as moto emulates it (started through the local
 * emulator): the item it opens is the one {@link DynamoDbStockLedger} restocks and reads.
 */
class DynamoDbStockItemsIT {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final ProductId BEANS = new ProductId("prod-espresso-beans-1kg");

    private static MotoServer moto;
    private static DynamoDbClient dynamo;

    private DynamoDbStockItems items;
    private DynamoDbStockLedger ledger;

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

    @BeforeEach
    void freshTable() {
        String table = "inventory-items-it-" + TABLES.incrementAndGet();
        dynamo.createTable(r -> r.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        items = new DynamoDbStockItems(dynamo, table);
        ledger = new DynamoDbStockLedger(dynamo, table, new EventCodec());
    }

    @Test
    void openIfAbsent_opensAnEmptyItemTheLedgerReadsAndRestocks() {
        assertThat(items.openIfAbsent(BEANS)).isTrue();

        assertThat(ledger.stockOf(BEANS)).contains(new StockLevel(BEANS, 0, 0));
        assertThat(ledger.restock(BEANS, 5)).isEqualTo(new StockLevel(BEANS, 5, 0));
    }

    @Test
    void openIfAbsent_secondTime_changesNothing() {
        items.openIfAbsent(BEANS);
        ledger.restock(BEANS, 7);

        assertThat(items.openIfAbsent(BEANS)).isFalse();
        assertThat(ledger.stockOf(BEANS)).contains(new StockLevel(BEANS, 7, 0));
    }

    @Test
    void openIfAbsent_afterAnEarlierRestock_leavesTheStockAlone() {
        ledger.restock(BEANS, 12);

        assertThat(items.openIfAbsent(BEANS)).isFalse();
        assertThat(ledger.stockOf(BEANS)).contains(new StockLevel(BEANS, 12, 0));
    }
}
