package com.example.shop.localcloud.runtime;

import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The life of one poller of an event source mapping, whatever it reads: poll while the runtime
 * runs, hold still while the function is paused, and keep going through the emulator's errors.
 * A subclass says what one round of polling is ({@link #pollOnce()}).
 *
 * <p>As on AWS, a paused function (a disabled mapping) leaves its records where they are, and a
 * failing read loses nothing: the records stay in their queue or stream and the poller tries
 * again shortly. A batch in hand when the runtime stops is finished first.
 */
abstract sealed class EventSourcePoller implements Runnable permits SqsPoller, StreamPoller {

    /** What a poller should do next. */
    enum State { POLLING, PAUSED, STOPPED }

    /** Asks the runtime what the pollers of one function should do. */
    @FunctionalInterface
    interface Control {
        State state(String functionLogicalId);
    }

    private static final Duration WHILE_PAUSED = Duration.ofMillis(100);
    private static final Duration AFTER_A_FAILED_READ = Duration.ofMillis(500);

    /** The function the mapping invokes. */
    protected final FunctionHost function;
    private final Control control;
    private final Duration whenIdle;
    /** When the latest finished round began, if it found nothing ({@link System#nanoTime()}); else {@link #NOT_EMPTY}. */
    private volatile long emptyRoundBegan = NOT_EMPTY;
    private static final long NOT_EMPTY = Long.MIN_VALUE;

    /**
     * @param whenIdle how long to wait after a round that found nothing, unless the round itself
     *                 already waited (a long poll)
     */
    protected EventSourcePoller(FunctionHost function, Control control, Duration whenIdle) {
        this.function = function;
        this.control = control;
        this.whenIdle = whenIdle;
    }

    @Override
    public final void run() {
        State state;
        while ((state = state()) != State.STOPPED && !Thread.currentThread().isInterrupted()) {
            if (state == State.PAUSED) {
                pause(WHILE_PAUSED);
                continue;
            }
            long began = System.nanoTime();
            try {
                int found = pollOnce();
                emptyRoundBegan = found == 0 ? began : NOT_EMPTY;
                if (found == 0) {
                    pause(whenIdle());
                }
            } catch (SdkException e) {
                emptyRoundBegan = NOT_EMPTY;
                if (state() != State.STOPPED) {
                    System.err.println("[local-runtime] " + reading() + " failed: " + e.getMessage());
                    afterFailedRead();
                    pause(AFTER_A_FAILED_READ);
                }
            }
        }
    }

    /**
     * Whether this poller has finished a round that began after {@code nanoTime} and found nothing
     * to deliver: then whatever its source held at {@code nanoTime} has been delivered.
     */
    boolean foundNothingSince(long nanoTime) {
        long began = emptyRoundBegan;
        return began != NOT_EMPTY && began - nanoTime > 0;
    }

    /** How long to wait after a round that found nothing. */
    Duration whenIdle() {
        return whenIdle;
    }

    /** Reads the source once and delivers what it found; returns how many records that was. */
    abstract int pollOnce();

    /** What the poller reads, for a log line: {@code "polling <queue URL>"}. */
    abstract String reading();

    /** Called after a read from the source failed, before the next try. */
    void afterFailedRead() {
    }

    /** What the runtime asks of this function's pollers right now. */
    protected final State state() {
        return control.state(function.name());
    }

    /** Waits, leaving the thread's interrupt flag set when interrupted, so that {@link #run()} ends. */
    protected static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
