package com.example.shop.notification.domain;

/**
 * The words a customer reads: a one-line subject and a plain-text body.
 *
 * @param subject a single line
 * @param body the text, lines separated by {@code \n}
 */
public record RenderedMessage(String subject, String body) {

    public RenderedMessage {
        Text.requireNonBlank(subject, "subject");
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("subject must be a single line but was '" + subject + "'");
        }
        Text.requireNonBlank(body, "body");
    }
}
