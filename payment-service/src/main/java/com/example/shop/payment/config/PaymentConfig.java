package com.example.shop.payment.config;

import com.example.shop.platform.FunctionEnvironment;

import java.time.Duration;
import java.util.Map;

/**
 * The settings of the payment service's functions, read once from the environment and checked
 * before anything is built, so a wrong template entry fails the init with a message naming it.
 *
 * @param paymentsTable {@code PAYMENTS_TABLE}: the service's table (payments and processed-event markers)
 * @param gatewayLatency {@code PAYMENT_GATEWAY_LATENCY_MS} (default 50): how long each simulated
 *                       provider call takes
 * @param gatewayMaxCallsPerSecond {@code PAYMENT_GATEWAY_MAX_CALLS_PER_SECOND} (default 20): the
 *                                 simulated provider's rate limit
 * @param chargeMaxReceiveCount {@code CHARGE_MAX_RECEIVE_COUNT} (default 5): how many times the
 *                              charge queue delivers a message before its DLQ takes it; must equal
 *                              the queue's {@code maxReceiveCount}, it is quoted in {@code PaymentFailed}
 * @param opsAlertsTopicArn {@code OPS_ALERTS_TOPIC_ARN}: the operators' topic, or {@code null} in a
 *                          function that raises no alerts
 */
public record PaymentConfig(String paymentsTable, Duration gatewayLatency, int gatewayMaxCallsPerSecond,
                            int chargeMaxReceiveCount, String opsAlertsTopicArn) {

    /**
     * The longest provider latency accepted: a batch of 5 charges, each possibly followed by a
     * refund, must finish well inside the 20-second function timeout.
     */
    public static final Duration MAX_GATEWAY_LATENCY = Duration.ofSeconds(1);

    public PaymentConfig {
        if (paymentsTable == null || paymentsTable.isBlank()) {
            throw new IllegalArgumentException("PAYMENTS_TABLE must name the payments table");
        }
        if (gatewayLatency == null || gatewayLatency.isNegative() || gatewayLatency.compareTo(MAX_GATEWAY_LATENCY) > 0) {
            throw new IllegalArgumentException("PAYMENT_GATEWAY_LATENCY_MS must be between 0 and "
                    + MAX_GATEWAY_LATENCY.toMillis() + " but was " + (gatewayLatency == null ? null : gatewayLatency.toMillis()));
        }
        if (gatewayMaxCallsPerSecond < 1 || gatewayMaxCallsPerSecond > 10_000) {
            throw new IllegalArgumentException("PAYMENT_GATEWAY_MAX_CALLS_PER_SECOND must be between 1 and 10000 but was "
                    + gatewayMaxCallsPerSecond);
        }
        // SQS accepts a maxReceiveCount between 1 and 1000.
        if (chargeMaxReceiveCount < 1 || chargeMaxReceiveCount > 1000) {
            throw new IllegalArgumentException("CHARGE_MAX_RECEIVE_COUNT must be between 1 and 1000 but was "
                    + chargeMaxReceiveCount);
        }
        if (opsAlertsTopicArn != null && !opsAlertsTopicArn.startsWith("arn:")) {
            throw new IllegalArgumentException("OPS_ALERTS_TOPIC_ARN must be an SNS topic ARN but was '"
                    + opsAlertsTopicArn + "'");
        }
    }

    /** Reads and checks the settings. */
    public static PaymentConfig from(Map<String, String> env) {
        String topic = env.get("OPS_ALERTS_TOPIC_ARN");
        return new PaymentConfig(
                FunctionEnvironment.required(env, "PAYMENTS_TABLE"),
                Duration.ofMillis(number(env, "PAYMENT_GATEWAY_LATENCY_MS", 50)),
                (int) number(env, "PAYMENT_GATEWAY_MAX_CALLS_PER_SECOND", 20),
                (int) number(env, "CHARGE_MAX_RECEIVE_COUNT", 5),
                topic == null || topic.isBlank() ? null : topic);
    }

    /** The operators' topic, for the function that raises alerts; fails at init when it is not set. */
    public String requireOpsAlertsTopicArn() {
        if (opsAlertsTopicArn == null) {
            throw new IllegalStateException("Environment variable OPS_ALERTS_TOPIC_ARN is not set; the function's "
                    + "template entry must define it");
        }
        return opsAlertsTopicArn;
    }

    private static long number(Map<String, String> env, String name, long defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number but was '" + value + "'", e);
        }
    }
}
