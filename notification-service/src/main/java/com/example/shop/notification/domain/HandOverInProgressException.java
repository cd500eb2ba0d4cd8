package com.example.shop.notification.domain;

import java.time.Instant;

/**
 * A progress message or the order confirmation is being handed to the topic by another attempt
 * right now, so this message of the same order stands back.
 *
 * <p>An exception rather than an outcome value, like {@link DeliveryInProgressException}: the
 * right reaction is to look again later. The message fails and comes back after the queue's
 * visibility timeout; by then the other attempt has handed its message over and given its claim
 * back, or died and left a claim that counts as abandoned after {@link NotifyCustomer#CLAIM_TIMEOUT}.
 */
public final class HandOverInProgressException extends RuntimeException {

    public HandOverInProgressException(String orderId, String eventType, Instant claimedAt) {
        super("A progress message or the confirmation of order " + orderId + " is being handed over by another attempt (claimed at "
                + claimedAt + "); " + eventType + " will be looked at again");
    }
}
