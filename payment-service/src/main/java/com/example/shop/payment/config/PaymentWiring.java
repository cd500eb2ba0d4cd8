package com.example.shop.payment.config;

import com.example.shop.payment.adapter.DynamoDbPaymentRepository;
import com.example.shop.payment.adapter.SimulatedPaymentGateway;
import com.example.shop.payment.adapter.SnsOpsAlerts;
import com.example.shop.payment.domain.ChargePayment;
import com.example.shop.payment.domain.GiveUpCharge;
import com.example.shop.payment.domain.OpsAlerts;
import com.example.shop.payment.domain.PaymentGateway;
import com.example.shop.payment.domain.PaymentRepository;
import com.example.shop.payment.domain.RefundPayment;
import com.example.shop.platform.FunctionWiring;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.Sleeper;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.Map;

/**
 * The payment service's object graph, built by hand from a function's environment when the
 * function initialises (so SnapStart snapshots the built clients), on the shop's
 * {@link FunctionWiring}. Each handler's public constructor calls {@link #from(Map)} and takes
 * what it needs; a client is built once, on first use, so a function builds only what it uses
 * (only the DLQ function builds the SNS client).
 */
public final class PaymentWiring {

    /** The service name on every log line and metric, unless the function's template names another. */
    static final String SERVICE_NAME = "payment";

    private final FunctionWiring function;
    private final PaymentConfig config;
    private final PaymentGateway gateway;

    private PaymentWiring(Map<String, String> env) {
        this.function = FunctionWiring.of(SERVICE_NAME, env);
        this.config = PaymentConfig.from(env);
        // One simulator per execution environment: its memory of idempotency keys stands in for the provider's.
        this.gateway = new SimulatedPaymentGateway(config.gatewayLatency(), config.gatewayMaxCallsPerSecond(),
                function.clock(), Sleeper.threadSleep(), function.ids());
    }

    /** Wires the service from a function's environment (see {@code FunctionEnvironment.current()}). */
    public static PaymentWiring from(Map<String, String> env) {
        return new PaymentWiring(env);
    }

    public ChargePayment chargePayment() {
        return new ChargePayment(payments(), gateway, function.clock());
    }

    public RefundPayment refundPayment() {
        return new RefundPayment(payments(), gateway, function.clock());
    }

    public GiveUpCharge giveUpCharge() {
        return new GiveUpCharge(payments(), function.clock());
    }

    /** The operators' topic; builds the SNS client, so only the function that alerts calls it. */
    public OpsAlerts opsAlerts() {
        return new SnsOpsAlerts(function.client(SnsClient.class, SnsClient::builder), config.requireOpsAlertsTopicArn());
    }

    /** How often the charge queue delivers a message before its DLQ takes it. */
    public int chargeMaxReceiveCount() {
        return config.chargeMaxReceiveCount();
    }

    /** Which events each consumer has handled, kept in the payments table. */
    public ProcessedEvents processedEvents() {
        return function.processedEvents(config.paymentsTable());
    }

    /** What every function is wired from: the codec, the event bus, observability, the clock and ids. */
    public FunctionWiring function() {
        return function;
    }

    private PaymentRepository payments() {
        return new DynamoDbPaymentRepository(function.dynamo(), config.paymentsTable());
    }
}
