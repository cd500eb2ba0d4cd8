package com.example.shop.notification.domain;

/**
 * The final message that closed an order for progress messages (decision record 0002).
 *
 * @param notificationId the notification that carries it; a repeat of the same notification finds
 *                       the order closed by itself and is handed over again
 * @param eventType the event it reports, for example {@code OrderCancelled}
 */
public record Closure(String notificationId, String eventType) {

    public Closure {
        Text.requireNonBlank(notificationId, "notificationId");
        Text.requireNonBlank(eventType, "eventType");
    }
}
