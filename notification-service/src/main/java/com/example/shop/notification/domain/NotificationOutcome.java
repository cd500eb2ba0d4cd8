package com.example.shop.notification.domain;

/**
 * What became of an order event the customer may hear of.
 */
public sealed interface NotificationOutcome {

    /** The notification was handed to the topic (again, if this is a repeat: same id). */
    record Published(CustomerNotification notification) implements NotificationOutcome {
    }

    /**
     * Nothing was sent: the order was closed by a final message before this progress message (or
     * this second final message) could be handed over (decision record 0002).
     *
     * @param orderId the order
     * @param eventType the event whose message was not sent
     * @param closedBy the final message that closed the order
     */
    record Skipped(String orderId, String eventType, Closure closedBy) implements NotificationOutcome {
    }
}
