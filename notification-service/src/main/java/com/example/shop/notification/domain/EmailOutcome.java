package com.example.shop.notification.domain;

/**
 * What became of a request to e-mail a notification.
 */
public sealed interface EmailOutcome {

    /** The mail service's id of the message that carries the notification. */
    String providerMessageId();

    /** It was sent now. */
    record Sent(String providerMessageId) implements EmailOutcome {
    }

    /** It had been sent before; nothing was sent now. */
    record AlreadySent(String providerMessageId) implements EmailOutcome {
    }
}
