package com.example.shop.notification.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SmsGateway} does, the in-memory fake as much as the DynamoDB stand-in: one text per notification. */
public abstract class SmsGatewayContract {

    /** A gateway that has texted nothing yet. */
    protected abstract SmsGateway freshGateway();

    @Test
    void a_text_is_sent_once_per_notification() {
        SmsGateway gateway = freshGateway();
        TextMessage text = new TextMessage("n-1", "order-1", "customer-1", "On its way with DHL, tracking JJD1");

        assertThat(gateway.sendOnce(text)).isTrue();
        assertThat(gateway.sendOnce(text)).isFalse();
        assertThat(gateway.sendOnce(new TextMessage("n-2", "order-1", "customer-1", "Another one"))).isTrue();
    }
}
