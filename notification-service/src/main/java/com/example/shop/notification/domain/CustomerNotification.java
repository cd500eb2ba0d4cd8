package com.example.shop.notification.domain;

/**
 * A message to a customer about their order, rendered and ready for any channel: the unit the
 * notification topic fans out to its subscribers.
 *
 * <p>Its id is derived from the id of the event it reports, so a redelivered event produces the
 * same notification again and every channel can recognise a notification it has already
 * delivered.
 *
 * @param notificationId the same for every rendering of the same event
 * @param orderId the order it is about
 * @param customerId the customer it is for
 * @param email the customer's address for the order
 * @param subject one line that stands on its own (e-mail subject, and the text of short channels)
 * @param body the full text
 * @param eventType the event type it reports, for example {@code ShipmentScheduled}
 * @param correlationId  the correlation id of the saga the notification belongs to, or {@code null}
 */
public record CustomerNotification(
        String notificationId,
        String orderId,
        String customerId,
        String email,
        String subject,
        String body,
        String eventType,
        String correlationId) {

    /** The channel every customer notification is meant for; other channels subscribe by event type. */
    public static final String EMAIL_CHANNEL = "email";

    public CustomerNotification {
        Text.requireNonBlank(notificationId, "notificationId");
        Text.requireNonBlank(orderId, "orderId");
        Text.requireNonBlank(customerId, "customerId");
        Text.requireNonBlank(email, "email");
        Text.requireNonBlank(subject, "subject");
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("subject must be a single line");
        }
        Text.requireNonBlank(body, "body");
        Text.requireNonBlank(eventType, "eventType");
    }

    /**
     * A notification outside any saga (no correlation id to carry). Notifications about an order
     * carry the order's correlation id so the channel handlers log in its context.
     */
    public CustomerNotification(String notificationId, String orderId, String customerId, String email, String subject,
                                String body, String eventType) {
        this(notificationId, orderId, customerId, email, subject, body, eventType, null);
    }
}
