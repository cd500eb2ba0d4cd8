package com.example.shop.order.testing;

import com.example.shop.platform.ProcessedEvents;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The platform's {@code ProcessedEvents} in memory, one marker per consumer and event id; a test can
 * forget them all, as if they had expired before a late redelivery.
 */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    private final Set<String> markers = new LinkedHashSet<>();

    @Override
    public synchronized boolean contains(String consumer, String eventId) {
        return markers.contains(consumer + "#" + eventId);
    }

    @Override
    public synchronized void add(String consumer, String eventId) {
        markers.add(consumer + "#" + eventId);
    }

    /** Forgets every marker, as if the markers had expired before a late redelivery. */
    public synchronized void forgetAll() {
        markers.clear();
    }

    /** The markers as {@code consumer#eventId}. */
    public synchronized Set<String> markers() {
        return Set.copyOf(markers);
    }
}
