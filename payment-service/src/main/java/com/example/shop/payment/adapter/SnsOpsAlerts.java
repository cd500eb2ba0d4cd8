package com.example.shop.payment.adapter;

import com.example.shop.payment.domain.AbandonedCharge;
import com.example.shop.payment.domain.OpsAlerts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;

/**
 * Operator alerts published to the shop's ops-alerts SNS topic: a short subject (what e-mail
 * subscribers see) and a JSON body for tools, with an {@code alertType} message attribute that
 * subscriptions can filter on.
 */
public record SnsOpsAlerts(SnsClient sns, String topicArn) implements OpsAlerts {

    static final String CHARGE_ABANDONED = "PaymentChargeAbandoned";
    /** SNS refuses subjects longer than this. */
    private static final int MAX_SUBJECT_LENGTH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void chargeAbandoned(AbandonedCharge alert) {
        String subject = "Payment abandoned for order " + alert.orderId();
        sns.publish(r -> r.topicArn(topicArn)
                .subject(subject.length() > MAX_SUBJECT_LENGTH ? subject.substring(0, MAX_SUBJECT_LENGTH) : subject)
                .message(body(alert))
                .messageAttributes(Map.of("alertType",
                        MessageAttributeValue.builder().dataType("String").stringValue(CHARGE_ABANDONED).build())));
    }

    static String body(AbandonedCharge alert) {
        ObjectNode body = JSON.createObjectNode();
        body.put("alertType", CHARGE_ABANDONED);
        body.put("orderId", alert.orderId());
        body.put("customerId", alert.customerId());
        body.put("eventId", alert.eventId());
        body.put("correlationId", alert.correlationId());
        body.put("receiveCount", alert.receiveCount());
        body.put("idempotencyKey", alert.idempotencyKey());
        body.put("outcome", alert.outcome());
        return body.toString();
    }
}
