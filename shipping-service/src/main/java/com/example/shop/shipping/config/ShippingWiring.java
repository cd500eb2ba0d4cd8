package com.example.shop.shipping.config;

import com.example.shop.events.EventPublisher;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.DynamoDbProcessedEvents;
import com.example.shop.platform.EventBusWiring;
import com.example.shop.platform.Observability;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.shipping.adapter.DynamoDbShipmentRepository;
import com.example.shop.shipping.adapter.UuidIdGenerator;
import com.example.shop.shipping.domain.ScheduleShipment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the shipping service's collaborators by hand, once per execution environment, at init:
 * SDK clients are created here and nowhere else, so SnapStart snapshots them ready to use.
 */
public final class ShippingWiring {

    /**
     * How long a processed-event marker is kept: longer than the bus archive keeps events (30 days
     * by default), so a replay of the archive is still recognised as a duplicate.
     */
    static final Duration PROCESSED_EVENT_RETENTION = Duration.ofDays(35);

    /** The service name on every log line and metric, unless the function's template names another. */
    static final String SERVICE_NAME = "shipping";

    private final ScheduleShipment scheduleShipment;
    private final EventCodec codec;
    private final EventPublisher publisher;
    private final ProcessedEvents processedEvents;
    private final Observability observability;

    private ShippingWiring(ShippingConfig config, Map<String, String> env) {
        AwsClients clients = new AwsClients(env);
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = clients.build(DynamoDbClient.builder());
        this.codec = new EventCodec();
        this.publisher = EventBusWiring.publisher(clients, env, codec);
        this.processedEvents = new DynamoDbProcessedEvents(dynamo, config.shipmentsTable(), clock,
                PROCESSED_EVENT_RETENTION);
        this.scheduleShipment = new ScheduleShipment(new DynamoDbShipmentRepository(dynamo, config.shipmentsTable()),
                new UuidIdGenerator(), clock);
        Map<String, String> named = new HashMap<>(env);
        named.putIfAbsent("POWERTOOLS_SERVICE_NAME", SERVICE_NAME);
        this.observability = new Observability(named);
    }

    /** Reads the configuration from {@code env} and builds everything. */
    public static ShippingWiring from(Map<String, String> env) {
        return new ShippingWiring(ShippingConfig.from(env), env);
    }

    public ScheduleShipment scheduleShipment() {
        return scheduleShipment;
    }

    public EventPublisher publisher() {
        return publisher;
    }

    public EventCodec codec() {
        return codec;
    }

    public ProcessedEvents processedEvents() {
        return processedEvents;
    }

    /** The function's logging context, tracing and metrics, built once at init. */
    public Observability observability() {
        return observability;
    }
}
