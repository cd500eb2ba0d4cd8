package com.example.shop.notification.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.example.shop.notification.domain.CustomerNotification;
import com.example.shop.notification.domain.OutgoingEmail;
import com.example.shop.notification.domain.SendEmail;
import com.example.shop.notification.testing.Fixtures;
import com.example.shop.notification.testing.InMemoryDeliveryLog;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.notification.testing.RecordingEmailSender;
import com.fasterxml.jackson.databind.node.TextNode;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The e-mail channel fed notifications as the topic delivers them to {@code EmailQueue}. */
class SendEmailHandlerTest {

    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final RecordingEmailSender mail = new RecordingEmailSender();
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final SendEmailHandler handler = new SendEmailHandler(new SendEmail(log, mail, clock),
            TestObservability.of("notification"));
    private final CustomerNotification notification = Fixtures.notification("n-1", "ShipmentScheduled");

    @Test
    void a_notification_is_mailed_to_the_customers_address() {
        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(notification), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(mail.sent()).containsExactly(
                new OutgoingEmail(Fixtures.EMAIL, "Subject of ShipmentScheduled", "Body of ShipmentScheduled\n"));
    }

    @Test
    void a_duplicate_notification_is_mailed_once() {
        handler.handleRequest(Fixtures.sqs(notification), Fixtures.context());
        clock.advance(Duration.ofMinutes(2));

        SQSBatchResponse duplicate = handler.handleRequest(Fixtures.sqs(notification), Fixtures.context());

        assertThat(duplicate.getBatchItemFailures()).isEmpty();
        assertThat(mail.sent()).hasSize(1);
    }

    @Test
    void a_duplicate_in_the_same_batch_is_mailed_once() {
        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(notification, notification), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(mail.sent()).hasSize(1);
    }

    @Test
    void a_notification_claimed_by_a_concurrent_attempt_comes_back_later_and_is_not_mailed_now() {
        log.claimedElsewhere("n-1", Fixtures.NOW.minusSeconds(1));

        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(notification), Fixtures.context());

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("msg-0"));
        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void a_mail_service_failure_fails_only_that_message_and_the_retry_mails_once() {
        CustomerNotification other = Fixtures.notification("n-2", "PaymentCharged");
        mail.failNext(1);

        SQSBatchResponse failed = handler.handleRequest(Fixtures.sqs(notification, other), Fixtures.context());
        SQSBatchResponse retried = handler.handleRequest(Fixtures.sqs(notification), Fixtures.context());

        assertThat(failed.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("msg-0"));
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(mail.sent()).extracting(OutgoingEmail::subject)
                .containsExactly("Subject of PaymentCharged", "Subject of ShipmentScheduled");
    }

    @Test
    void a_notification_in_the_standard_sns_envelope_is_read_too() {
        String wrapped = "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"Message\":"
                + TextNode.valueOf(Fixtures.json(notification)) + "}";

        SQSBatchResponse response = handler.handleRequest(Fixtures.sqsBodies(wrapped), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(mail.sent()).hasSize(1);
    }

    @Test
    void unknown_fields_in_a_notification_are_ignored() {
        String body = Fixtures.json(notification).replaceFirst("\\{", "{\"locale\":\"de-DE\",");

        assertThat(handler.handleRequest(Fixtures.sqsBodies(body), Fixtures.context()).getBatchItemFailures()).isEmpty();
        assertThat(mail.sent()).hasSize(1);
    }

    @Test
    void a_body_that_is_not_a_notification_fails_its_message_and_sends_nothing() {
        SQSBatchResponse response = handler.handleRequest(
                Fixtures.sqsBodies("not json", "{\"notificationId\":\"n-9\"}"), Fixtures.context());

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("msg-0", "msg-1");
        assertThat(mail.sent()).isEmpty();
    }
}
