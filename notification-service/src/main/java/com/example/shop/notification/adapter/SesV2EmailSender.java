package com.example.shop.notification.adapter;

import com.example.shop.notification.domain.EmailSender;
import com.example.shop.notification.domain.OutgoingEmail;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Content;

import java.nio.charset.StandardCharsets;

/**
 * E-mails sent with Amazon SES (API v2, {@code SendEmail} with simple content: a subject and a
 * plain-text body, UTF-8) from the shop's sender address.
 *
 * <p>SES only sends from a verified identity (the address or its domain); in the SES sandbox the
 * recipients must be verified too. SES rejections (unverified sender, paused account) surface as
 * exceptions, so the notification is retried and, if it keeps failing, ends in the e-mail DLQ.
 */
public record SesV2EmailSender(SesV2Client ses, String fromAddress) implements EmailSender {

    private static final String CHARSET = StandardCharsets.UTF_8.name();

    @Override
    public String send(OutgoingEmail email) {
        return ses.sendEmail(r -> r.fromEmailAddress(fromAddress)
                        .destination(d -> d.toAddresses(email.to()))
                        .content(c -> c.simple(m -> m
                                .subject(text(email.subject()))
                                .body(b -> b.text(text(email.textBody()))))))
                .messageId();
    }

    private static Content text(String data) {
        return Content.builder().data(data).charset(CHARSET).build();
    }
}
