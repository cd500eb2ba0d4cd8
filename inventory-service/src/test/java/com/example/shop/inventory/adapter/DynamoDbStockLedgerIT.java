package com.example.shop.inventory.adapter;

import com.example.shop.localcloud.emulator.EmulatedDynamoDb;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.Reservation;
import com.example.shop.inventory.domain.StockLedger;
import com.example.shop.inventory.domain.StockLevel;
import com.example.shop.inventory.testing.StockItemsContract;
import com.example.shop.inventory.testing.StockLedgerContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DynamoDbStockLedger} against DynamoDB as moto emulates it keeps the
 * {@link StockLedgerContract} (the transaction conditions, the cancellation reasons that tell a
 * short product from a repeated order), and oversells nothing under concurrency.
 *
 * <p>Starts its own moto server and stops it afterwards; each test gets a fresh table.
 */
class DynamoDbStockLedgerIT extends StockLedgerContract {

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
    protected StockItemsContract.Books emptyBooks() {
        String table = tables.freshPkTable("inventory-it");
        return new StockItemsContract.Books(new DynamoDbStockItems(tables.dynamo(), table),
                new DynamoDbStockLedger(tables.dynamo(), table, new EventCodec()));
    }

    @Test
    void twenty_concurrent_orders_for_ten_units_exactly_ten_are_reserved() throws Exception {
        stock("beans", 10);
        int orders = 20;
        ExecutorService pool = Executors.newFixedThreadPool(orders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<StockLedger.ReserveAttempt>> attempts = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                Reservation reservation = reservation("order-" + i, new ReservedLine("beans", 1));
                attempts.add(pool.submit(() -> {
                    start.await();
                    return reserveRetryingConflicts(reservation);
                }));
            }
            start.countDown();
            int reserved = 0;
            int refused = 0;
            for (Future<StockLedger.ReserveAttempt> attempt : attempts) {
                switch (attempt.get(60, TimeUnit.SECONDS)) {
                    case StockLedger.Recorded r -> reserved++;
                    case StockLedger.StockShort s -> refused++;
                    case StockLedger.AlreadyRecorded a -> throw new AssertionError("orders are distinct: " + a);
                }
            }

            assertThat(reserved).isEqualTo(10);
            assertThat(refused).isEqualTo(10);
            assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 0, 10));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A transaction conflict is an infrastructure failure; SQS would redeliver, so the test retries. */
    private StockLedger.ReserveAttempt reserveRetryingConflicts(Reservation reservation) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return ledger.reserve(reservation);
            } catch (TransactionCanceledException conflict) {
                if (attempt == 10) {
                    throw conflict;
                }
                Thread.sleep(20L * attempt);
            }
        }
    }
}
