package com.example.shop.localcloud.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * Told about every invocation the local runtime makes and every message a queue gives up on, for
 * the journey timeline and for tests that must see what ran.
 */
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
     * @param event     the event object the handler received
     * @param result    what the handler returned, or {@code null}
     */
    record Invocation(String function, String requestId, String trigger, Instant startedAt, Duration duration,
                      Outcome outcome, String error, Object event, Object result) {
    }

    void invoked(Invocation invocation);

    /**
     * A message failed for the last time its queue allows: the queue's redrive policy moves it to
     * the dead-letter queue on the next receive.
     *
     * @param queue           the queue's name
     * @param deadLetterQueue the DLQ's name
     * @param body            the message body
     * @param at              when it failed the last time
     */
    default void deadLettered(String queue, String deadLetterQueue, String body, Instant at) {
    }

    InvocationListener NONE = invocation -> { };
}
