package com.example.shop.notification.domain;

/**
 * What became of a notification offered to the SMS channel.
 */
public sealed interface TextOutcome {

    /** A text was sent now. */
    record Texted(TextMessage message) implements TextOutcome {
    }

    /** The notification had been texted before; nothing was sent now. */
    record AlreadyTexted(String notificationId) implements TextOutcome {
    }

    /** The notification is not one customers get a text for; nothing was sent. */
    record NotTexted(String notificationId, String eventType) implements TextOutcome {
    }
}
