package com.example.shop.notification.testing;

import com.example.shop.platform.ProcessedEvents;

import java.util.HashSet;
import java.util.Set;

/** Processed-event markers in a set; {@link #forget()} plays a crash before the marker was written. */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    private final Set<String> markers = new HashSet<>();

    @Override
    public synchronized boolean contains(String consumer, String eventId) {
        return markers.contains(consumer + "#" + eventId);
    }

    @Override
    public synchronized void add(String consumer, String eventId) {
        markers.add(consumer + "#" + eventId);
    }

    public synchronized void forget() {
        markers.clear();
    }
}
