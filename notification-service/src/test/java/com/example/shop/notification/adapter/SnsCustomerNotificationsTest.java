package com.example.shop.notification.adapter;

import com.example.shop.notification.domain.CustomerNotification;
import com.example.shop.notification.testing.Fixtures;
import com.example.shop.notification.testing.RecordingSnsClient;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnsCustomerNotificationsTest {

    private final RecordingSnsClient sns = new RecordingSnsClient();

    @Test
    void a_notification_is_published_as_json_with_channel_and_event_type_attributes() throws Exception {
        CustomerNotification notification = Fixtures.notification("n-1", "PaymentDeclined");

        new SnsCustomerNotifications(sns, "arn:aws:sns:eu-central-1:123456789012:t").publish(notification);

        assertThat(sns.published()).singleElement().satisfies(request -> {
            assertThat(request.topicArn()).isEqualTo("arn:aws:sns:eu-central-1:123456789012:t");
            assertThat(request.messageAttributes().get("channel").dataType()).isEqualTo("String");
            assertThat(request.messageAttributes().get("channel").stringValue()).isEqualTo("email");
            assertThat(request.messageAttributes().get("eventType").dataType()).isEqualTo("String");
            assertThat(request.messageAttributes().get("eventType").stringValue()).isEqualTo("PaymentDeclined");
            assertThat(request.subject()).isNull();
        });
        Map<String, Object> body = new ObjectMapper().readValue(sns.published().getFirst().message(),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        assertThat(body).containsExactly(
                Map.<String, Object>entry("notificationId", "n-1"),
                Map.<String, Object>entry("orderId", "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e"),
                Map.<String, Object>entry("customerId", "c0a8012e-7f3b-4d2a-9e61-5b8f2c4d9a17"),
                Map.<String, Object>entry("email", Fixtures.EMAIL),
                Map.<String, Object>entry("subject", "Subject of PaymentDeclined"),
                Map.<String, Object>entry("body", "Body of PaymentDeclined\n"),
                Map.<String, Object>entry("eventType", "PaymentDeclined"));
    }
}
