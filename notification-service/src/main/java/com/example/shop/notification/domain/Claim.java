package com.example.shop.notification.domain;

import java.time.Instant;

/**
 * The answer of the {@link DeliveryLog} to "may I deliver this notification now?".
 */
public sealed interface Claim {

    /**
     * Yes: the notification is now marked as being delivered by this attempt.
     *
     * @param claimedAt when the claim was taken; it identifies this attempt's claim
     */
    record Granted(Instant claimedAt) implements Claim {
    }

    /**
     * No, it was delivered before.
     *
     * @param providerMessageId the delivery service's id of the earlier delivery
     * @param sentAt when it was delivered
     */
    record AlreadySent(String providerMessageId, Instant sentAt) implements Claim {
    }

    /**
     * No, another attempt claimed it recently and may still be delivering it.
     *
     * @param claimedAt when that attempt took its claim
     */
    record HeldElsewhere(Instant claimedAt) implements Claim {
    }
}
