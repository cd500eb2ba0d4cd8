package com.example.shop.localcloud.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a story moves it on, so every instant a service records in a
 * scenario is known in advance. Like the Lambda wiring, it runs in UTC.
 */
final class SteppingClock extends Clock {

    private Instant now;

    SteppingClock(Instant start) {
        this.now = start;
    }

    /** Lets {@code duration} pass. */
    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the services read time in UTC only");
    }
}
