package com.example.shop.platform;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.example.shop.events.EventPublisher;
import com.example.shop.events.IdGenerator;
import com.example.shop.events.codec.EventCodec;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * What every function of every service is wired from, built by hand once per execution
 * environment, at init (so a SnapStart snapshot holds it ready): the function's environment, the
 * event codec, the clock and id generator, logging/metrics/tracing, and the AWS SDK clients.
 *
 * <p>Each service has one wiring class of the same shape, {@code <Service>Wiring.from(env)}, that
 * holds one of these and builds its use cases and adapters from it. A client is built the first
 * time a use case asks for it, and then kept: a handler's constructor takes what it needs, so a
 * function builds exactly the clients its own code calls (the HTTP reader builds no EventBridge
 * client) and builds them during init.
 */
public final class FunctionWiring {

    private final Map<String, String> env;
    private final AwsClients clients;
    private final EventCodec codec = new EventCodec();
    // Read on every use, never captured at init (SnapStart would freeze a captured time or id).
    private final Clock clock = Clock.systemUTC();
    private final IdGenerator ids = IdGenerator.randomUuids();
    private final Observability observability;
    private final Map<Class<?>, Object> built = new HashMap<>();

    private FunctionWiring(String service, Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.clients = new AwsClients(env);
        Map<String, String> named = new HashMap<>(env);
        named.putIfAbsent("POWERTOOLS_SERVICE_NAME", service);
        this.observability = new Observability(named);
    }

    /**
     * The wiring of a function of {@code service} (the name on its log lines and metrics unless
     * the template sets {@code POWERTOOLS_SERVICE_NAME}), from its environment.
     */
    public static FunctionWiring of(String service, Map<String, String> env) {
        return new FunctionWiring(service, env);
    }

    /** The function's environment variables. */
    public Map<String, String> env() {
        return env;
    }

    /** A required environment variable, failing at init with a message that names it. */
    public String required(String name) {
        return FunctionEnvironment.required(env, name);
    }

    /** The one codec for events, shared by consumers and the publisher. */
    public EventCodec codec() {
        return codec;
    }

    public Clock clock() {
        return clock;
    }

    public IdGenerator ids() {
        return ids;
    }

    /** The function's logging context, tracing and metrics. */
    public Observability observability() {
        return observability;
    }

    /** The DynamoDB client, built on first use. */
    public DynamoDbClient dynamo() {
        return client(DynamoDbClient.class, DynamoDbClient::builder);
    }

    /** The shop's event bus ({@code EVENT_BUS_NAME}), built on first use. */
    public EventPublisher eventBus() {
        EventBridgeClient client = client(EventBridgeClient.class, EventBridgeClient::builder);
        return memo(EventPublisher.class, () -> EventBusWiring.publisher(client, required("EVENT_BUS_NAME"), codec));
    }

    /** Which events a consumer has handled, kept in {@code table} for {@link ProcessedEvents#RETENTION}. */
    public ProcessedEvents processedEvents(String table) {
        return new DynamoDbProcessedEvents(dynamo(), table, clock, ProcessedEvents.RETENTION);
    }

    /** Any other SDK client, e.g. {@code client(SnsClient.class, SnsClient::builder)}, built once on first use. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(Class<C> type,
                                                                                         Supplier<B> builder) {
        return memo(type, () -> clients.build(builder.get()));
    }

    private synchronized <T> T memo(Class<T> type, Supplier<T> build) {
        Object value = built.get(type);
        if (value == null) {
            value = build.get();
            built.put(type, value);
        }
        return type.cast(value);
    }
}
