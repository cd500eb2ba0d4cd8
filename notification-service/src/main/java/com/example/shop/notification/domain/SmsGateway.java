package com.example.shop.notification.domain;

/**
 * The shop's outgoing text-message (SMS) service, idempotent per notification: texting the same
 * notification again sends nothing.
 */
public interface SmsGateway {

    /**
     * Texts the customer unless this notification was texted before.
     *
     * @return {@code true} when it was sent now, {@code false} when it had been sent before
     */
    boolean sendOnce(TextMessage message);
}
