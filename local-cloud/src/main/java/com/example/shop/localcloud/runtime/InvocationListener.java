package com.example.shop.localcloud.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * Told about every invocation the local runtime makes, for the journey timeline and for tests
 * that must see what ran.
 */
@FunctionalInterface
public interface InvocationListener {

    /** The outcome of one invocation. */
    enum Outcome { SUCCEEDED, PARTIALLY_FAILED, FAILED }

    /**
     * One finished invocation.
     *
     * @param function  the function's logical id
     * @param requestId the invocation's request id
     * @param trigger   what invoked it, e.g. {@code sqs:OrderPlacedQueue}, {@code http:POST /orders}
     * @param startedAt when it started
     * @param duration  how long the handler ran
     * @param outcome   how it ended
     * @param error     the failure's message, or {@code null}
     */
    record Invocation(String function, String requestId, String trigger, Instant startedAt, Duration duration,
                      Outcome outcome, String error) {
    }

    void invoked(Invocation invocation);

    InvocationListener NONE = invocation -> { };
}
