package com.example.shop.inventory.adapter;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.UnavailableLine;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.localcloud.emulator.MotoServer;
import com.example.shop.inventory.domain.CancelledBeforeReservation;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.Refusal;
import com.example.shop.inventory.domain.Reservation;
import com.example.shop.inventory.domain.StockLedger;
import com.example.shop.inventory.domain.StockLevel;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.DerivedIds;
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
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.example.shop.events.SampleEvents.CUSTOMER_ID;
import static com.example.shop.events.SampleEvents.address;
import static com.example.shop.events.SampleEvents.euros;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DynamoDbStockLedger} against DynamoDB as moto emulates it: the transaction conditions,
 * the cancellation reasons that tell a short product from a repeated order, and no overselling
 * under concurrency.
 *
 * <p>Starts its own moto server through the local emulator (which creates the project virtualenv
 * on first use and makes moto's conditional writes and transactions atomic, as DynamoDB's are) and
 * stops it afterwards; each test gets a fresh table created with the SDK.
 */
class DynamoDbStockLedgerIT {

    private static final Instant NOW = Instant.parse("2026-11-27T10:15:31Z");
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static MotoServer moto;
    private static DynamoDbClient dynamo;

    private final EventCodec codec = new EventCodec();
    private DynamoDbStockLedger ledger;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        dynamo = new com.example.shop.localcloud.emulator.AwsClients(moto.endpoint()).build(DynamoDbClient.builder());
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
        String table = "inventory-it-" + TABLES.incrementAndGet();
        dynamo.createTable(r -> r.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        ledger = new DynamoDbStockLedger(dynamo, table, codec);
    }

    @Test
    void reserve_takesEveryLineFromAvailableIntoReservedAndRecordsTheOrder() {
        stock("beans", 10);
        stock("mug", 5);
        Reservation reservation = reservation("order-1", new ReservedLine("beans", 2), new ReservedLine("mug", 1));

        assertThat(ledger.reserve(reservation)).isEqualTo(new StockLedger.Recorded());

        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 8, 2));
        assertThat(level("mug")).isEqualTo(new StockLevel(new ProductId("mug"), 4, 1));
        assertThat(ledger.recordOf("order-1")).contains(reservation);
    }

    @Test
    void reserve_whenOneLineIsShort_changesNothingAndNamesTheShortProduct() {
        stock("beans", 1);
        stock("mug", 5);

        StockLedger.ReserveAttempt attempt = ledger.reserve(
                reservation("order-1", new ReservedLine("mug", 1), new ReservedLine("beans", 2)));

        assertThat(attempt).isEqualTo(new StockLedger.StockShort(List.of("beans")));
        assertThat(level("mug")).isEqualTo(new StockLevel(new ProductId("mug"), 5, 0));
        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 1, 0));
        assertThat(ledger.recordOf("order-1")).isEmpty();
    }

    @Test
    void reserve_ofAProductWithoutStockItem_isShortAndCreatesNoItem() {
        stock("beans", 10);

        StockLedger.ReserveAttempt attempt = ledger.reserve(
                reservation("order-1", new ReservedLine("beans", 1), new ReservedLine("ghost", 1)));

        assertThat(attempt).isEqualTo(new StockLedger.StockShort(List.of("ghost")));
        assertThat(ledger.stockOf(new ProductId("ghost"))).isEmpty();
        assertThat(ledger.availableUnits(List.of("beans", "ghost"))).isEqualTo(Map.of("beans", 10L));
    }

    @Test
    void reserve_ofAnOrderAlreadyRecorded_changesNothingAndHandsBackTheRecord() {
        stock("beans", 10);
        Reservation first = reservation("order-1", new ReservedLine("beans", 2));
        ledger.reserve(first);

        StockLedger.ReserveAttempt again = ledger.reserve(reservation("order-1", new ReservedLine("beans", 2)));

        assertThat(again).isEqualTo(new StockLedger.AlreadyRecorded(first));
        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 8, 2));
    }

    @Test
    void aRecordedRefusalWinsOverAShortProductWhenTheOrderComesAgain() {
        stock("beans", 1);
        Refusal refusal = refusal("order-1", new UnavailableLine("beans", 2, 1));
        assertThat(ledger.record(refusal)).isEqualTo(new StockLedger.Recorded());

        StockLedger.ReserveAttempt again = ledger.reserve(reservation("order-1", new ReservedLine("beans", 2)));

        assertThat(again).isEqualTo(new StockLedger.AlreadyRecorded(refusal));
        assertThat(ledger.record(refusal("order-1", new UnavailableLine("beans", 2, 0))))
                .isEqualTo(new StockLedger.AlreadyRecorded(refusal));
    }

    @Test
    void aCancellationMarker_blocksTheLateReservation() {
        stock("beans", 10);
        CancelledBeforeReservation marker = new CancelledBeforeReservation("order-1", CUSTOMER_ID,
                DerivedIds.from("order-1", "OrderCancelled"), NOW);
        assertThat(ledger.record(marker)).isEqualTo(new StockLedger.Recorded());

        StockLedger.ReserveAttempt late = ledger.reserve(reservation("order-1", new ReservedLine("beans", 2)));

        assertThat(late).isEqualTo(new StockLedger.AlreadyRecorded(marker));
        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 10, 0));
    }

    @Test
    void release_givesTheUnitsBackOnce() {
        stock("beans", 10);
        stock("mug", 5);
        Reservation held = reservation("order-1", new ReservedLine("beans", 2), new ReservedLine("mug", 1));
        ledger.reserve(held);
        Reservation released = held.releasedBy(releaseOf(held, "PaymentDeclined"));

        assertThat(ledger.release(released)).isEqualTo(new StockLedger.Recorded());
        StockLedger.RecordAttempt again = ledger.release(held.releasedBy(releaseOf(held, "OrderCancelled")));

        assertThat(again).isEqualTo(new StockLedger.AlreadyRecorded(released));
        assertThat(ledger.recordOf("order-1")).contains(released);
        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 10, 0));
        assertThat(level("mug")).isEqualTo(new StockLevel(new ProductId("mug"), 5, 0));
    }

    @Test
    void restock_createsTheItemThenAddsAndLeavesReservedUnitsAlone() {
        assertThat(ledger.restock(new ProductId("beans"), 5)).isEqualTo(new StockLevel(new ProductId("beans"), 5, 0));
        ledger.reserve(reservation("order-1", new ReservedLine("beans", 2)));

        assertThat(ledger.restock(new ProductId("beans"), 10))
                .isEqualTo(new StockLevel(new ProductId("beans"), 13, 2));
    }

    @Test
    void twentyConcurrentOrdersForTenUnits_exactlyTenAreReserved() throws Exception {
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

    private void stock(String productId, int units) {
        ledger.restock(new ProductId(productId), units);
    }

    private StockLevel level(String productId) {
        return ledger.stockOf(new ProductId(productId)).orElseThrow();
    }

    private static Reservation reservation(String orderId, ReservedLine... lines) {
        return Reservation.held(EventEnvelope.of(
                new StockReserved(orderId, CUSTOMER_ID, List.of(lines), euros(5030), "pm-ref-7Hq2kLx9", address()),
                DerivedIds.from(orderId, "StockReserved"), NOW, "corr-" + orderId, "cause-" + orderId));
    }

    private static Refusal refusal(String orderId, UnavailableLine... lines) {
        return new Refusal(EventEnvelope.of(new StockUnavailable(orderId, CUSTOMER_ID, List.of(lines)),
                DerivedIds.from(orderId + lines[0].available(), "StockUnavailable"), NOW, "corr-" + orderId,
                "cause-" + orderId));
    }

    private static EventEnvelope<StockReleased> releaseOf(Reservation held, String reason) {
        return EventEnvelope.of(new StockReleased(held.orderId(), CUSTOMER_ID, held.lines(), reason),
                DerivedIds.from(held.orderId() + reason, "StockReleased"), NOW.plusSeconds(30),
                "corr-" + held.orderId(), "cause-" + reason);
    }

}
