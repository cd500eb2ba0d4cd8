package com.example.shop.inventory.config;

import com.example.shop.events.EventPublisher;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.adapter.DynamoDbStockLedger;
import com.example.shop.inventory.domain.EventIds;
import com.example.shop.inventory.domain.ReleaseStock;
import com.example.shop.inventory.domain.ReserveStock;
import com.example.shop.inventory.domain.StockAdministration;
import com.example.shop.inventory.domain.StockLedger;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.DerivedIds;
import com.example.shop.platform.DynamoDbProcessedEvents;
import com.example.shop.platform.EventBusWiring;
import com.example.shop.platform.ProcessedEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/**
 * The inventory service's object graph, built by hand from a function's environment when the
 * function initialises (so SnapStart snapshots the built clients).
 *
 * <p>The DynamoDB client is built once, here. The EventBridge client is built on the first call
 * to a use case that publishes, so the HTTP functions (which never publish) do without it. A
 * handler builds one wiring in its constructor and keeps what it takes from it.
 */
public final class InventoryWiring {

    private static final EventIds DERIVED_IDS = DerivedIds::from;

    private final Map<String, String> env;
    private final InventoryConfig config;
    private final AwsClients clients;
    private final DynamoDbClient dynamo;
    private final EventCodec codec;
    private final StockLedger ledger;
    private final Clock clock;
    private EventPublisher publisher;

    private InventoryWiring(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.config = InventoryConfig.from(env);
        this.clients = new AwsClients(env);
        this.dynamo = clients.build(DynamoDbClient.builder());
        this.codec = new EventCodec();
        this.ledger = new DynamoDbStockLedger(dynamo, config.tableName(), codec);
        // Time is read from the clock on every use, never captured at init (SnapStart).
        this.clock = Clock.systemUTC();
    }

    /** Wires the service from a function's environment (see {@code FunctionEnvironment.current()}). */
    public static InventoryWiring from(Map<String, String> env) {
        return new InventoryWiring(env);
    }

    /** The configuration read from the environment. */
    public InventoryConfig config() {
        return config;
    }

    /** The one codec for events, shared by the consumer and the publisher. */
    public EventCodec codec() {
        return codec;
    }

    /** Which events each consumer has handled, kept in the service's table. */
    public ProcessedEvents processedEvents() {
        return new DynamoDbProcessedEvents(dynamo, config.tableName(), clock, config.processedEventsRetention());
    }

    /** Reserving stock for placed orders. */
    public ReserveStock reserveStock() {
        return new ReserveStock(ledger, publisher(), clock, DERIVED_IDS);
    }

    /** Releasing stock of failed and cancelled orders. */
    public ReleaseStock releaseStock() {
        return new ReleaseStock(ledger, publisher(), clock, DERIVED_IDS);
    }

    /** Restocking and stock lookups for staff. */
    public StockAdministration stockAdministration() {
        return new StockAdministration(ledger);
    }

    private synchronized EventPublisher publisher() {
        if (publisher == null) {
            publisher = EventBusWiring.publisher(clients, env, codec);
        }
        return publisher;
    }
}
