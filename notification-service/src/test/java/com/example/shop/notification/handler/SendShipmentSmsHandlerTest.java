package com.example.shop.notification.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.example.shop.notification.domain.TextShipmentUpdate;
import com.example.shop.notification.testing.Fixtures;
import com.example.shop.notification.testing.InMemorySmsGateway;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS channel fed notifications as the topic delivers them to {@code ShipmentSmsQueue}. That
 * only shipment updates reach the queue is the subscription filter's job, proven on the emulator;
 * here the handler's own second lock is checked.
 */
class SendShipmentSmsHandlerTest {

    private final InMemorySmsGateway gateway = new InMemorySmsGateway();
    private final SendShipmentSmsHandler handler = new SendShipmentSmsHandler(new TextShipmentUpdate(gateway),
            TestObservability.of("notification"));

    @Test
    void a_shipment_update_is_texted_once_however_often_it_is_delivered() {
        SQSBatchResponse first = handler.handleRequest(
                Fixtures.sqs(Fixtures.notification("n-1", "ShipmentScheduled")), Fixtures.context());
        SQSBatchResponse again = handler.handleRequest(
                Fixtures.sqs(Fixtures.notification("n-1", "ShipmentScheduled")), Fixtures.context());

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(gateway.texts()).singleElement().satisfies(text -> {
            assertThat(text.notificationId()).isEqualTo("n-1");
            assertThat(text.text()).isEqualTo("Subject of ShipmentScheduled");
        });
    }

    @Test
    void a_notification_the_filter_should_have_kept_out_is_acknowledged_without_a_text() {
        SQSBatchResponse response = handler.handleRequest(
                Fixtures.sqs(Fixtures.notification("n-1", "OrderPlaced")), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(gateway.texts()).isEmpty();
    }
}
