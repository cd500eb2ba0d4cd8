package com.example.shop.payment.domain;

import java.util.Objects;

/**
 * An operator alert: payment stopped trying to charge an order because the provider stayed
 * unavailable through every retry.
 *
 * @param orderId the order, also the idempotency key at the provider
 * @param customerId the customer
 * @param eventId the id of the StockReserved event whose charge was abandoned
 * @param correlationId the saga's correlation id, to find every log line of the order
 * @param receiveCount how often SQS had delivered the message when the alert was raised, as it
 *                     reports it ({@code 0} when it did not)
 * @param outcome what payment did about it, in words
 */
public record AbandonedCharge(String orderId, String customerId, String eventId, String correlationId,
                              int receiveCount, String outcome) {

    public AbandonedCharge {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(correlationId, "correlationId");
        if (receiveCount < 0) {
            throw new IllegalArgumentException("receiveCount must not be negative but was " + receiveCount);
        }
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The key under which the provider knows every attempt at this charge. */
    public String idempotencyKey() {
        return orderId;
    }
}
