package com.example.shop.platform;

import java.time.Duration;

/**
 * How persistently the publisher retries the entries a bus rejected: how many attempts in all,
 * and how long to back off between them.
 *
 * <p>The wait before retry {@code n} grows exponentially, {@code baseDelay × 2^(n-1)}, up to
 * {@code maxDelay}; half of it is fixed and half random ("equal jitter"), so that many functions
 * throttled at the same moment do not all retry at the same moment. Keep the total well inside
 * the function timeout: beyond that, the message's own redelivery is the better retry.
 *
 * @param maxAttempts attempts per entry including the first, at least 1
 * @param baseDelay the ceiling of the first wait
 * @param maxDelay the largest ceiling of any wait
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Three attempts, waiting at most 100 ms and then 200 ms. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
        }
        if (baseDelay == null || baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay must be zero or positive but was " + baseDelay);
        }
        if (maxDelay == null || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least baseDelay but was " + maxDelay);
        }
    }

    /** The longest wait before retry {@code retry} (1 for the first retry). */
    public Duration ceilingBeforeRetry(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1 but was " + retry);
        }
        int doublings = Math.min(retry - 1, 30);
        Duration ceiling = baseDelay.multipliedBy(1L << doublings);
        return ceiling.compareTo(maxDelay) > 0 ? maxDelay : ceiling;
    }

    /**
     * The wait before retry {@code retry}: half the ceiling plus {@code jitter} times the other half.
     *
     * @param jitter a random number from 0 (inclusive) to 1 (exclusive)
     */
    public Duration delayBeforeRetry(int retry, double jitter) {
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1) but was " + jitter);
        }
        long ceilingNanos = ceilingBeforeRetry(retry).toNanos();
        long half = ceilingNanos / 2;
        return Duration.ofNanos(half + (long) ((ceilingNanos - half) * jitter));
    }
}
