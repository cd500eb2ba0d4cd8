package com.example.shop.order.config;

import com.example.shop.events.codec.EventCodec;
import com.example.shop.order.adapter.DynamoDbPriceBook;
import com.example.shop.order.domain.PriceProjection;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.DynamoDbProcessedEvents;
import com.example.shop.platform.ProcessedEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The object graph of the price feed (the consumer of the catalog's announcements), built by hand
 * from the function's environment at init, with the DynamoDB client built once.
 */
public final class PriceFeedWiring {

    /** Longer than SQS keeps a message and EventBridge retries a target; beyond it the version check still holds. */
    private static final Duration PROCESSED_EVENTS_RETENTION = Duration.ofDays(14);

    private final OrderConfig config;
    private final DynamoDbClient dynamo;
    private final EventCodec codec = new EventCodec();
    // Read on every use, never captured at init (SnapStart).
    private final Clock clock = Clock.systemUTC();

    private PriceFeedWiring(Map<String, String> env) {
        this.config = OrderConfig.from(env);
        this.dynamo = new AwsClients(env).build(DynamoDbClient.builder());
    }

    /** Wires the price feed from a function's environment (see {@code FunctionEnvironment.current()}). */
    public static PriceFeedWiring from(Map<String, String> env) {
        return new PriceFeedWiring(env);
    }

    /** The price list kept from the catalog's announcements. */
    public PriceProjection priceProjection() {
        return new PriceProjection(new DynamoDbPriceBook(dynamo, config.ordersTable()));
    }

    /** Which announcements the price feed has handled, kept in the orders table. */
    public ProcessedEvents processedEvents() {
        return new DynamoDbProcessedEvents(dynamo, config.ordersTable(), clock, PROCESSED_EVENTS_RETENTION);
    }

    /** The one codec for events. */
    public EventCodec codec() {
        return codec;
    }
}
