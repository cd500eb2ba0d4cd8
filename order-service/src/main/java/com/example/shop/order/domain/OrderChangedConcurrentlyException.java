package com.example.shop.order.domain;

/**
 * An order kept changing under a writer for every attempt it made (each conditional write found a
 * newer version). Not a business outcome but a passing conflict: the caller's message is retried
 * later (an HTTP client gets 503 with {@code Retry-After}; an event is redelivered by its queue).
 */
public final class OrderChangedConcurrentlyException extends RuntimeException {

    public OrderChangedConcurrentlyException(OrderId id, int attempts) {
        super("order " + id + " changed concurrently on each of " + attempts + " attempts");
    }
}
