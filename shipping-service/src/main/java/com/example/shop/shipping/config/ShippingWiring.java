package com.example.shop.shipping.config;

import com.example.shop.events.EventPublisher;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.DynamoDbProcessedEvents;
import com.example.shop.platform.EventBusWiring;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.shipping.adapter.DynamoDbShipmentRepository;
import com.example.shop.shipping.adapter.UuidIdGenerator;
import com.example.shop.shipping.domain.ScheduleShipment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
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

    private final ScheduleShipment scheduleShipment;
    private final EventCodec codec;
    private final EventPublisher publisher;
    private final ProcessedEvents processedEvents;

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
}
