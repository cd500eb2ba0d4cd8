package com.example.shop.payment.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentConfigTest {

    @Test
    void only_the_table_is_required_and_the_gateway_has_defaults() {
        PaymentConfig config = PaymentConfig.from(Map.of("PAYMENTS_TABLE", "payments"));

        assertThat(config).isEqualTo(new PaymentConfig("payments", Duration.ofMillis(50), 20, 5, null));
    }

    @Test
    void every_setting_is_read_from_the_environment() {
        PaymentConfig config = PaymentConfig.from(Map.of(
                "PAYMENTS_TABLE", "payments",
                "PAYMENT_GATEWAY_LATENCY_MS", "120",
                "PAYMENT_GATEWAY_MAX_CALLS_PER_SECOND", "7",
                "CHARGE_MAX_RECEIVE_COUNT", "3",
                "OPS_ALERTS_TOPIC_ARN", "arn:aws:sns:eu-central-1:123456789012:shop-ops-alerts-dev"));

        assertThat(config.gatewayLatency()).isEqualTo(Duration.ofMillis(120));
        assertThat(config.gatewayMaxCallsPerSecond()).isEqualTo(7);
        assertThat(config.chargeMaxReceiveCount()).isEqualTo(3);
        assertThat(config.requireOpsAlertsTopicArn()).endsWith(":shop-ops-alerts-dev");
    }

    @Test
    void a_missing_table_names_the_variable() {
        assertThatThrownBy(() -> PaymentConfig.from(Map.of())).hasMessageContaining("PAYMENTS_TABLE");
    }

    @Test
    void gateway_settings_out_of_range_or_unreadable_are_refused_naming_the_variable() {
        assertThatThrownBy(() -> PaymentConfig.from(Map.of("PAYMENTS_TABLE", "t", "PAYMENT_GATEWAY_LATENCY_MS", "-1")))
                .hasMessageContaining("PAYMENT_GATEWAY_LATENCY_MS");
        assertThatThrownBy(() -> PaymentConfig.from(Map.of("PAYMENTS_TABLE", "t", "PAYMENT_GATEWAY_LATENCY_MS", "5000")))
                .hasMessageContaining("PAYMENT_GATEWAY_LATENCY_MS");
        assertThatThrownBy(() -> PaymentConfig.from(Map.of("PAYMENTS_TABLE", "t", "PAYMENT_GATEWAY_MAX_CALLS_PER_SECOND", "0")))
                .hasMessageContaining("PAYMENT_GATEWAY_MAX_CALLS_PER_SECOND");
        assertThatThrownBy(() -> PaymentConfig.from(Map.of("PAYMENTS_TABLE", "t", "PAYMENT_GATEWAY_MAX_CALLS_PER_SECOND", "lots")))
                .hasMessageContaining("PAYMENT_GATEWAY_MAX_CALLS_PER_SECOND");
    }

    @Test
    void the_alert_topic_is_required_only_where_alerts_are_raised() {
        PaymentConfig config = PaymentConfig.from(Map.of("PAYMENTS_TABLE", "payments"));

        assertThatThrownBy(config::requireOpsAlertsTopicArn).hasMessageContaining("OPS_ALERTS_TOPIC_ARN");
        assertThatThrownBy(() -> PaymentConfig.from(Map.of("PAYMENTS_TABLE", "t", "OPS_ALERTS_TOPIC_ARN", "ops")))
                .hasMessageContaining("OPS_ALERTS_TOPIC_ARN");
    }
}
