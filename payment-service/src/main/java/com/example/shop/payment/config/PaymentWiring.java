package com.example.shop.payment.config;

import com.example.shop.events.EventPublisher;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.payment.adapter.DynamoDbPaymentRepository;
import com.example.shop.payment.adapter.SimulatedPaymentGateway;
import com.example.shop.payment.adapter.SnsOpsAlerts;
import com.example.shop.payment.adapter.UuidIdGenerator;
import com.example.shop.payment.domain.ChargePayment;
import com.example.shop.payment.domain.GiveUpCharge;
import com.example.shop.payment.domain.OpsAlerts;
import com.example.shop.payment.domain.PaymentGateway;
import com.example.shop.payment.domain.PaymentRepository;
import com.example.shop.payment.domain.RefundPayment;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.DynamoDbProcessedEvents;
import com.example.shop.platform.EventBusWiring;
import com.example.shop.platform.Observability;
import com.example.shop.platform.ProcessedEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the payment service's collaborators by hand, once per execution environment, at init:
 * SDK clients are created here and nowhere else, so SnapStart snapshots them ready to use.
 * Each handler's public constructor calls {@link #from(Map)} and takes what it needs.
 */
public final class PaymentWiring {

    /**
     * How long a processed-event marker is kept: longer than the bus archive keeps events (30 days
     * by default), so a replay of the archive is still recognised as a duplicate.
     */
    static final Duration PROCESSED_EVENT_RETENTION = Duration.ofDays(35);

    /** The service name on every log line and metric, unless the function's template names another. */
    static final String SERVICE_NAME = "payment";

    private final PaymentConfig config;
    private final AwsClients clients;
    private final Clock clock;
    private final EventCodec codec;
    private final EventPublisher publisher;
    private final ProcessedEvents processedEvents;
    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final Observability observability;

    private PaymentWiring(PaymentConfig config, Map<String, String> env) {
        this.config = config;
        this.clients = new AwsClients(env);
        this.clock = Clock.systemUTC();
        this.codec = new EventCodec();
        this.publisher = EventBusWiring.publisher(clients, env, codec);
        DynamoDbClient dynamo = clients.build(DynamoDbClient.builder());
        this.processedEvents = new DynamoDbProcessedEvents(dynamo, config.paymentsTable(), clock,
                PROCESSED_EVENT_RETENTION);
        this.payments = new DynamoDbPaymentRepository(dynamo, config.paymentsTable());
        this.gateway = new SimulatedPaymentGateway(config.gatewayLatency(), config.gatewayMaxCallsPerSecond(), clock,
                Sleeper.threadSleep(), new UuidIdGenerator());
        Map<String, String> named = new HashMap<>(env);
        named.putIfAbsent("POWERTOOLS_SERVICE_NAME", SERVICE_NAME);
        this.observability = new Observability(named);
    }

    /** Reads the configuration from {@code env} and builds everything that does not depend on the function. */
    public static PaymentWiring from(Map<String, String> env) {
        return new PaymentWiring(PaymentConfig.from(env), env);
    }

    public ChargePayment chargePayment() {
        return new ChargePayment(payments, gateway, clock);
    }

    public RefundPayment refundPayment() {
        return new RefundPayment(payments, gateway, clock);
    }

    public GiveUpCharge giveUpCharge() {
        return new GiveUpCharge(payments, clock);
    }

    /** The operators' topic; builds the SNS client, so only the function that alerts calls it (once). */
    public OpsAlerts opsAlerts() {
        return new SnsOpsAlerts(clients.build(SnsClient.builder()), config.requireOpsAlertsTopicArn());
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

    public int chargeMaxReceiveCount() {
        return config.chargeMaxReceiveCount();
    }
}
