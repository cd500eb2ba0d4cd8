package com.example.shop.platform;

import java.time.Duration;

/**
 * Waits between publishing attempts; tests pass one that only records the waits.
 */
@FunctionalInterface
public interface Sleeper {

    /** Blocks the calling thread for the given time. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: {@link Thread#sleep(Duration)}. */
    static Sleeper threadSleep() {
        return Thread::sleep;
    }
}
