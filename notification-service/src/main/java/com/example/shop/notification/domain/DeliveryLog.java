package com.example.shop.notification.domain;

import java.time.Instant;

/**
 * The record of which notifications have been delivered by e-mail, kept per notification id, so
 * that a notification delivered to the channel twice is e-mailed once.
 *
 * <p>Each delivery goes through three steps: {@link #claim}, send, {@link #markSent}; a failed
 * send is {@link #release}d so the next attempt can claim at once.
 */
public interface DeliveryLog {

    /**
     * Claims the delivery of a notification for the calling attempt, atomically: of two attempts
     * claiming at the same time, one is {@link Claim.Granted} and the other told
     * {@link Claim.HeldElsewhere}. A claim taken before {@code staleBefore} and never marked sent
     * belongs to an attempt that died, and is taken over.
     *
     * @param notificationId the notification to deliver
     * @param now the claiming attempt's time; it becomes the claim's identity
     * @param staleBefore claims older than this are taken over
     */
    Claim claim(String notificationId, Instant now, Instant staleBefore);

    /** Records that the notification was delivered under the claim. */
    void markSent(String notificationId, Claim.Granted claim, String providerMessageId, Instant sentAt);

    /** Gives up the claim after a failed send; does nothing if the claim was taken over meanwhile. */
    void release(String notificationId, Claim.Granted claim);
}
