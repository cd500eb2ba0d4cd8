package com.example.shop.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until the test moves it. */
public final class MutableClock extends Clock {

    private Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock at {@code 2026-11-27T10:15:30Z}. */
    public static MutableClock atSampleTime() {
        return new MutableClock(Instant.parse("2026-11-27T10:15:30Z"));
    }

    /** Moves the clock forward. */
    public synchronized MutableClock advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the test clock runs in UTC only");
        }
        return this;
    }
}
