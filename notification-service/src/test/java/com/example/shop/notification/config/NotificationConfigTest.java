package com.example.shop.notification.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationConfigTest {

    private static final String TOPIC = "arn:aws:sns:eu-central-1:123456789012:notifications";

    @Test
    void every_setting_is_read_from_its_variable() {
        NotificationConfig config = NotificationConfig.from(Map.of("NOTIFICATIONS_TABLE", "notifications",
                "CUSTOMER_NOTIFICATIONS_TOPIC_ARN", TOPIC, "SENDER_EMAIL", "shop@example.com"));

        assertThat(config).isEqualTo(new NotificationConfig("notifications", TOPIC, "shop@example.com"));
        assertThat(config.requireCustomerNotificationsTopicArn()).isEqualTo(TOPIC);
        assertThat(config.requireSenderEmail()).isEqualTo("shop@example.com");
    }

    @Test
    void the_table_is_required_by_every_function() {
        assertThatThrownBy(() -> NotificationConfig.from(Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NOTIFICATIONS_TABLE");
    }

    @Test
    void topic_and_sender_are_required_only_where_they_are_used() {
        NotificationConfig config = NotificationConfig.from(Map.of("NOTIFICATIONS_TABLE", "notifications"));

        assertThatThrownBy(config::requireCustomerNotificationsTopicArn)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CUSTOMER_NOTIFICATIONS_TOPIC_ARN");
        assertThatThrownBy(config::requireSenderEmail)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SENDER_EMAIL");
    }

    @Test
    void malformed_values_fail_at_init_naming_the_variable() {
        assertThatThrownBy(() -> new NotificationConfig("t", "my-topic", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CUSTOMER_NOTIFICATIONS_TOPIC_ARN");
        assertThatThrownBy(() -> new NotificationConfig("t", null, "shop.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SENDER_EMAIL");
    }
}
