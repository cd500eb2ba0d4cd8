package com.example.shop.notification.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * E-mails a customer notification, once per notification id however often it is delivered.
 *
 * <p><b>Why claim, send, mark.</b> The mail service has no idempotency key: every call sends a
 * mail. The notification can reach this use case more than once (SNS and SQS deliver at least
 * once, and a redelivered event republishes the same notification). So before sending, the
 * attempt claims the notification in the {@link DeliveryLog} with a conditional write; only the
 * claimant sends, and afterwards it marks the notification sent. The alternatives are worse:
 * <ul>
 *   <li>Marking "sent" before sending (at most once) loses the mail for good whenever the send
 *       then fails or the function dies: the customer never hears that their order shipped.</li>
 *   <li>Sending first and marking afterwards, without a claim, sends twice whenever two deliveries
 *       of the notification are processed at the same time.</li>
 * </ul>
 * <p><b>The trade-off that remains.</b> If the function dies after the mail service accepted the
 * mail but before the mark is written (or the mark write fails), the claim is left behind. After
 * {@link #CLAIM_TIMEOUT} it counts as abandoned, and the redelivered message sends the mail again.
 * That window is a few milliseconds wide, so a rare duplicate e-mail is the price of never losing
 * one. A claim is never taken over while its attempt may still be running: the timeout is three
 * times the function timeout (20 s). A failed send releases the claim, so the retry does not have
 * to wait for the timeout.
 */
public record SendEmail(DeliveryLog deliveries, EmailSender sender, Clock clock) {

    /** How long a claim protects an attempt: three times the function timeout of 20 s. */
    public static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Sends the notification to the customer's address unless it was sent before.
     *
     * @throws DeliveryInProgressException when another attempt holds a fresh claim (retry later)
     * @throws RuntimeException when the mail service or the log fails (retry later)
     */
    public EmailOutcome send(CustomerNotification notification) {
        Instant now = clock.instant();
        Claim claim = deliveries.claim(notification.notificationId(), now, now.minus(CLAIM_TIMEOUT));
        return switch (claim) {
            case Claim.AlreadySent sent -> new EmailOutcome.AlreadySent(sent.providerMessageId());
            case Claim.HeldElsewhere held -> throw new DeliveryInProgressException(notification.notificationId(),
                    held.claimedAt());
            case Claim.Granted granted -> deliver(notification, granted);
        };
    }

    private EmailOutcome deliver(CustomerNotification notification, Claim.Granted claim) {
        String providerMessageId;
        try {
            providerMessageId = sender.send(new OutgoingEmail(notification.email(), notification.subject(),
                    notification.body()));
        } catch (RuntimeException notSent) {
            try {
                deliveries.release(notification.notificationId(), claim);
            } catch (RuntimeException releaseFailed) {
                // The claim then simply expires after CLAIM_TIMEOUT; the send failure is what matters.
                notSent.addSuppressed(releaseFailed);
            }
            throw notSent;
        }
        deliveries.markSent(notification.notificationId(), claim, providerMessageId, clock.instant());
        return new EmailOutcome.Sent(providerMessageId);
    }
}
