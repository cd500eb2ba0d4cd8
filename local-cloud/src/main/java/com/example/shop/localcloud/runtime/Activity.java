package com.example.shop.localcloud.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the runtime's functions are doing right now, for {@link LambdaRuntime#isSettled()}: how many
 * invocations are running and when the last one ended ({@link System#nanoTime()}). Every
 * message, record or write a function causes is made before its invocation ends, so work that
 * could still be on its way has a later source than {@link #lastEnded()}.
 */
final class Activity {

    private final AtomicInteger running = new AtomicInteger();
    private volatile long lastEnded = System.nanoTime();

    void began() {
        running.incrementAndGet();
    }

    void ended() {
        lastEnded = System.nanoTime();
        running.decrementAndGet();
    }

    /** Invocations running now. */
    int running() {
        return running.get();
    }

    /** When the latest invocation ended, or the runtime was created. */
    long lastEnded() {
        return lastEnded;
    }
}
