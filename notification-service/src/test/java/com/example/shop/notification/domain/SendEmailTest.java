package com.example.shop.notification.domain;

import com.example.shop.notification.testing.Fixtures;
import com.example.shop.notification.testing.InMemoryDeliveryLog;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.notification.testing.RecordingEmailSender;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendEmailTest {

    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final RecordingEmailSender mail = new RecordingEmailSender();
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final SendEmail sendEmail = new SendEmail(log, mail, clock);
    private final CustomerNotification notification = Fixtures.notification("n-1", "PaymentCharged");

    @Test
    void a_notification_is_mailed_to_the_customer_and_marked_sent() {
        EmailOutcome outcome = sendEmail.send(notification);

        assertThat(outcome).isEqualTo(new EmailOutcome.Sent("ses-message-1"));
        assertThat(mail.sent()).containsExactly(new OutgoingEmail(Fixtures.EMAIL, "Subject of PaymentCharged",
                "Body of PaymentCharged\n"));
        assertThat(log.status("n-1")).isEqualTo("SENT");
    }

    @Test
    void a_notification_delivered_again_is_not_mailed_again() {
        sendEmail.send(notification);
        clock.advance(Duration.ofMinutes(10));

        EmailOutcome again = sendEmail.send(notification);

        assertThat(again).isEqualTo(new EmailOutcome.AlreadySent("ses-message-1"));
        assertThat(mail.sent()).hasSize(1);
    }

    @Test
    void while_another_attempt_holds_a_fresh_claim_nothing_is_sent_and_the_message_comes_back() {
        log.claimedElsewhere("n-1", Fixtures.NOW.minusSeconds(5));

        assertThatThrownBy(() -> sendEmail.send(notification)).isInstanceOf(DeliveryInProgressException.class)
                .hasMessageContaining("n-1");
        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void the_claim_of_an_attempt_that_died_is_taken_over_after_the_claim_timeout() {
        log.claimedElsewhere("n-1", Fixtures.NOW.minus(SendEmail.CLAIM_TIMEOUT).minusMillis(1));

        assertThat(sendEmail.send(notification)).isInstanceOf(EmailOutcome.Sent.class);
        assertThat(mail.sent()).hasSize(1);
    }

    @Test
    void a_claim_exactly_as_old_as_the_timeout_is_still_respected() {
        log.claimedElsewhere("n-1", Fixtures.NOW.minus(SendEmail.CLAIM_TIMEOUT));

        assertThatThrownBy(() -> sendEmail.send(notification)).isInstanceOf(DeliveryInProgressException.class);
    }

    @Test
    void a_failed_send_releases_the_claim_so_the_retry_sends_at_once() {
        mail.failNext(1);

        assertThatThrownBy(() -> sendEmail.send(notification)).isInstanceOf(IllegalStateException.class);
        assertThat(log.status("n-1")).isNull();

        assertThat(sendEmail.send(notification)).isEqualTo(new EmailOutcome.Sent("ses-message-1"));
        assertThat(mail.sent()).hasSize(1);
    }
}
