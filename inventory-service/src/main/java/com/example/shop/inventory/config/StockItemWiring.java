package com.example.shop.inventory.config;

import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.adapter.DynamoDbStockItems;
import com.example.shop.inventory.domain.OpenStockItem;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.DynamoDbProcessedEvents;
import com.example.shop.platform.Observability;
import com.example.shop.platform.ProcessedEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/**
 * The object graph of the catalog feed of inventory (opening stock items for new products),
 * built by hand from the function's environment at init, with the DynamoDB client built once.
 * It publishes nothing, so it builds no EventBridge client.
 */
public final class StockItemWiring {

    private final InventoryConfig config;
    private final DynamoDbClient dynamo;
    private final Observability observability;
    private final EventCodec codec = new EventCodec();
    // Read on every use, never captured at init (SnapStart).
    private final Clock clock = Clock.systemUTC();

    private StockItemWiring(Map<String, String> env) {
        this.config = InventoryConfig.from(env);
        this.dynamo = new AwsClients(env).build(DynamoDbClient.builder());
        this.observability = new Observability(InventoryWiring.named(env));
    }

    /** Wires the feed from a function's environment (see {@code FunctionEnvironment.current()}). */
    public static StockItemWiring from(Map<String, String> env) {
        return new StockItemWiring(env);
    }

    /** Opening stock items for new products. */
    public OpenStockItem openStockItem() {
        return new OpenStockItem(new DynamoDbStockItems(dynamo, config.tableName()));
    }

    /** Which events the feed has handled, kept in the service's table. */
    public ProcessedEvents processedEvents() {
        return new DynamoDbProcessedEvents(dynamo, config.tableName(), clock, config.processedEventsRetention());
    }

    /** The function's logging context, tracing and metrics, built once at init. */
    public Observability observability() {
        return observability;
    }

    /** The one codec for events. */
    public EventCodec codec() {
        return codec;
    }
}
