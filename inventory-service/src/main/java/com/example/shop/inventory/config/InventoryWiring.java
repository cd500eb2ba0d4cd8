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
import com.example.shop.platform.Observability;
import com.example.shop.platform.ProcessedEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.HashMap;
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

    /** The service name on every log line and metric, unless the function's template names another. */
    static final String SERVICE_NAME = "inventory";

    private final Map<String, String> env;
    private final InventoryConfig config;
    private final AwsClients clients;
    private final DynamoDbClient dynamo;
    private final EventCodec codec;
    private final StockLedger ledger;
    private final Clock clock;
    private final Observability observability;
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
        this.observability = new Observability(named(env));
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

    /** The function's logging context, tracing and metrics, built once at init. */
    public Observability observability() {
        return observability;
    }

    /** The environment with the service's name filled in when the template does not set one. */
    static Map<String, String> named(Map<String, String> env) {
        Map<String, String> named = new HashMap<>(env);
        named.putIfAbsent("POWERTOOLS_SERVICE_NAME", SERVICE_NAME);
        return named;
    }

    private synchronized EventPublisher publisher() {
        if (publisher == null) {
            publisher = EventBusWiring.publisher(clients, env, codec);
        }
        return publisher;
    }
}
