package com.example.shop.events.codec;

/**
 * A message that claims to be a shop event but cannot be read as one: malformed JSON, an
 * unrecognised delivery shape, or a known event type whose content breaks its contract.
 *
 * <p>It is unchecked and must not be swallowed: the handler lets it fail the message, so the
 * message is retried and finally parked in the queue's DLQ for a human to inspect, never
 * silently dropped.
 */
public final class EventFormatException extends RuntimeException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
