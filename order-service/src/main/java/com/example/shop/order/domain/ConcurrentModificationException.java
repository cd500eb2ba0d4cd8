package com.example.shop.order.domain;

/**
 * An order kept changing under a writer for every attempt it made; the caller's message is
 * retried later (for an HTTP request: the client gets a 503 and retries).
 */
public final class ConcurrentModificationException extends RuntimeException {

    public ConcurrentModificationException(OrderId id, int attempts) {
        super("order " + id + " changed concurrently on each of " + attempts + " attempts");
    }
}
