package com.example.shop.notification.domain;

/**
 * An order event arrived before the order's {@code OrderPlaced} was handled, so there is no
 * address to write to yet.
 *
 * <p>This is an exception rather than an outcome value on purpose: the bus gives no ordering
 * guarantee, and the cure is to handle the same message again later, once {@code OrderPlaced}
 * has been processed. Throwing fails the message, so the queue redelivers it after its visibility
 * timeout; only if the contact never appears does it end in the DLQ.
 */
public final class ContactNotYetKnownException extends RuntimeException {

    private final String orderId;

    public ContactNotYetKnownException(String orderId, String eventType) {
        super("No contact for order " + orderId + " yet: " + eventType
                + " arrived before OrderPlaced was handled; it will be retried");
        this.orderId = orderId;
    }

    /** The order whose contact is missing. */
    public String orderId() {
        return orderId;
    }
}
