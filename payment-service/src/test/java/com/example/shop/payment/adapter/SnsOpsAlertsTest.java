package com.example.shop.payment.adapter;

import com.example.shop.payment.domain.AbandonedCharge;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnsOpsAlertsTest {

    @Test
    void the_alert_body_is_json_naming_the_order_the_event_and_the_receive_count() throws Exception {
        var alert = new AbandonedCharge("order-1", "customer-1", "00000000-0000-4000-8000-000000000001",
                "corr-1", 6, "PaymentFailed announced");

        var body = new ObjectMapper().readTree(SnsOpsAlerts.body(alert));

        assertThat(body.get("alertType").asText()).isEqualTo("PaymentChargeAbandoned");
        assertThat(body.get("orderId").asText()).isEqualTo("order-1");
        assertThat(body.get("eventId").asText()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(body.get("receiveCount").asInt()).isEqualTo(6);
        assertThat(body.get("idempotencyKey").asText()).isEqualTo("order-1");
        assertThat(body.get("correlationId").asText()).isEqualTo("corr-1");
    }
}
