package com.example.shop.notification.domain;

import java.time.Instant;

/**
 * Another attempt is delivering the same notification right now (the topic or the queue handed
 * it over twice), so this attempt stands back.
 *
 * <p>An exception rather than an outcome value, because the right reaction is to look again
 * later: the message fails, comes back after the queue's visibility timeout, and then finds the
 * notification sent, or the other attempt's claim stale and takes it over.
 */
public final class DeliveryInProgressException extends RuntimeException {

    public DeliveryInProgressException(String notificationId, Instant claimedAt) {
        super("Notification " + notificationId + " is being delivered by another attempt (claimed at " + claimedAt
                + "); it will be looked at again");
    }
}
