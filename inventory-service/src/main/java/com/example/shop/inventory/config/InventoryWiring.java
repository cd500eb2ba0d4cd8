package com.example.shop.inventory.config;

import com.example.shop.inventory.adapter.DynamoDbStockItems;
import com.example.shop.inventory.adapter.DynamoDbStockLedger;
import com.example.shop.inventory.domain.OpenStockItem;
import com.example.shop.inventory.domain.ReleaseStock;
import com.example.shop.inventory.domain.ReserveStock;
import com.example.shop.inventory.domain.StockAdministration;
import com.example.shop.inventory.domain.StockLedger;
import com.example.shop.platform.FunctionWiring;
import com.example.shop.platform.ProcessedEvents;

import java.util.Map;

/**
 * The inventory service's object graph, built by hand from a function's environment when the
 * function initialises (so SnapStart snapshots the built clients), for every inventory function:
 * the saga's consumers, the admin API and the catalog feed.
 *
 * <p>A handler builds one wiring in its constructor and keeps what it takes from it; each SDK
 * client is built once, when a handler first asks for something that needs it, so the HTTP
 * functions and the catalog feed (which announce nothing) build no EventBridge client.
 */
public final class InventoryWiring {

    /** The service name on every log line and metric, unless the function's template names another. */
    static final String SERVICE_NAME = "inventory";

    private final FunctionWiring function;
    private final InventoryConfig config;

    private InventoryWiring(Map<String, String> env) {
        this.function = FunctionWiring.of(SERVICE_NAME, env);
        this.config = InventoryConfig.from(env);
    }

    /** Wires the service from a function's environment (see {@code FunctionEnvironment.current()}). */
    public static InventoryWiring from(Map<String, String> env) {
        return new InventoryWiring(env);
    }

    /** The configuration read from the environment. */
    public InventoryConfig config() {
        return config;
    }

    /** Which events each consumer has handled, kept in the service's table. */
    public ProcessedEvents processedEvents() {
        return function.processedEvents(config.tableName());
    }

    /** Reserving stock for placed orders. */
    public ReserveStock reserveStock() {
        return new ReserveStock(ledger(), function.clock());
    }

    /** Releasing stock of failed and cancelled orders. */
    public ReleaseStock releaseStock() {
        return new ReleaseStock(ledger(), function.clock());
    }

    /** Restocking and stock lookups for staff. */
    public StockAdministration stockAdministration() {
        return new StockAdministration(ledger());
    }

    /** Opening stock items for the catalog's new products. */
    public OpenStockItem openStockItem() {
        return new OpenStockItem(new DynamoDbStockItems(function.dynamo(), config.tableName()));
    }

    private StockLedger ledger() {
        return new DynamoDbStockLedger(function.dynamo(), config.tableName(), function.codec());
    }

    /** What every function is wired from: codec, clock, ids, observability, event bus, SDK clients. */
    public FunctionWiring function() {
        return function;
    }
}
