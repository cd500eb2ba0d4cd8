package com.example.shop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.example.shop.platform.ProcessedEvents;

/**
 * What every {@link ProcessedEvents} keeps, the in-memory fake and the DynamoDB adapter alike:
 * a marker is per consumer and per event id, and adding it twice is harmless.
 */
public abstract class ProcessedEventsContract {

    private static final String EVENT = "00000000-0000-4000-8000-000000000001";

    /** A store that remembers nothing yet. */
    protected abstract ProcessedEvents emptyStore();

    @Test
    void an_event_is_not_processed_until_it_is_added() {
        ProcessedEvents processed = emptyStore();

        assertThat(processed.contains("reserve-stock", EVENT)).isFalse();
        processed.add("reserve-stock", EVENT);

        assertThat(processed.contains("reserve-stock", EVENT)).isTrue();
    }

    @Test
    void a_marker_belongs_to_one_consumer_so_two_consumers_of_the_same_event_each_handle_it() {
        ProcessedEvents processed = emptyStore();

        processed.add("reserve-stock", EVENT);

        assertThat(processed.contains("notify-customer", EVENT)).isFalse();
        assertThat(processed.contains("reserve-stock", "00000000-0000-4000-8000-000000000002")).isFalse();
    }

    @Test
    void adding_the_same_marker_again_is_harmless() {
        ProcessedEvents processed = emptyStore();

        processed.add("reserve-stock", EVENT);
        processed.add("reserve-stock", EVENT);

        assertThat(processed.contains("reserve-stock", EVENT)).isTrue();
    }
}
