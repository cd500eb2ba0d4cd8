package com.example.shop.order.config;

import com.example.shop.events.EventPublisher;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.order.adapter.DynamoDbOrderRepository;
import com.example.shop.order.adapter.DynamoDbPriceTable;
import com.example.shop.order.domain.CancelOrder;
import com.example.shop.order.domain.IdGenerator;
import com.example.shop.order.domain.OrderRepository;
import com.example.shop.order.domain.PlaceOrder;
import com.example.shop.order.domain.PriceTable;
import com.example.shop.order.domain.TrackOrder;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.DynamoDbProcessedEvents;
import com.example.shop.platform.EventBusWiring;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.ProcessedEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the order service's collaborators once per execution environment (at init, so SnapStart
 * snapshots them). Each handler takes only what it needs; clients are created lazily so a
 * function never builds a client it does not use.
 */
public final class OrderWiring {

    private final Map<String, String> env;
    private OrderConfig config;
    private final AwsClients clients;
    private final EventCodec codec = new EventCodec();
    private final Clock clock = Clock.systemUTC();
    private final IdGenerator ids = () -> UUID.randomUUID().toString();
    private DynamoDbClient dynamo;

    private OrderWiring(Map<String, String> env) {
        this.env = env;
        this.clients = new AwsClients(env);
    }

    /** Wiring for the function being initialised. */
    public static OrderWiring fromEnvironment() {
        return new OrderWiring(FunctionEnvironment.current());
    }

    /** Read on first use: the outbox publisher, for one, has no table to name. */
    private OrderConfig config() {
        if (config == null) {
            config = OrderConfig.from(env);
        }
        return config;
    }

    private DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = clients.build(DynamoDbClient.builder());
        }
        return dynamo;
    }

    public OrderRepository orders() {
        return new DynamoDbOrderRepository(dynamo(), config().ordersTable(), codec);
    }

    public PriceTable prices() {
        return new DynamoDbPriceTable(dynamo(), config().ordersTable());
    }

    public PlaceOrder placeOrder() {
        return new PlaceOrder(orders(), prices(), ids, clock);
    }

    public CancelOrder cancelOrder() {
        return new CancelOrder(orders(), ids, clock);
    }

    public TrackOrder trackOrder() {
        return new TrackOrder(orders(), clock);
    }

    public ProcessedEvents processedEvents() {
        return new DynamoDbProcessedEvents(dynamo(), config().ordersTable(), clock, Duration.ofDays(14));
    }

    public EventPublisher eventBus() {
        return EventBusWiring.publisher(clients, env, codec);
    }

    public Observability observability() {
        return new Observability(env);
    }

    public EventCodec codec() {
        return codec;
    }
}
