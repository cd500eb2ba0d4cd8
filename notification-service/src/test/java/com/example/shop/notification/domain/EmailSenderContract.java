package com.example.shop.notification.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link EmailSender} does, the recording fake as much as the SES adapter: every mail
 * handed over is sent (no idempotency key: that is the delivery log's job) and gets the mail
 * service's own message id.
 */
public abstract class EmailSenderContract {

    /** A sender that may send from its configured address. */
    protected abstract EmailSender sender();

    @Test
    void every_mail_sent_gets_its_own_message_id() {
        EmailSender sender = sender();
        OutgoingEmail email = new OutgoingEmail("erika@example.com", "Your order o-1 is on its way",
                "Tracking number: JJD1\n");

        String first = sender.send(email);
        String second = sender.send(email);

        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
    }
}
