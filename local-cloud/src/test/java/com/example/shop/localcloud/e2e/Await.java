package com.example.shop.localcloud.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded polling for observable outcomes: never a fixed sleep, always a deadline. */
final class Await {

    static final Duration DEFAULT = Duration.ofSeconds(45);

    private Await() {
    }

    /** Polls {@code probe} every 100 ms until {@code done} holds; fails with the last value after the deadline. */
    static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
        return until(what, DEFAULT, probe, done);
    }

    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what + "; last seen: " + last);
    }
}
