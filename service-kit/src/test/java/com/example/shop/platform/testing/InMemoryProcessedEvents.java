package com.example.shop.platform.testing;

import com.example.shop.platform.ProcessedEvents;

import java.util.HashSet;
import java.util.Set;

/** {@link ProcessedEvents} in memory; {@link #forget()} plays a crash between publish and marker. */
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

    /** The markers as {@code consumer#eventId}. */
    public synchronized Set<String> markers() {
        return Set.copyOf(markers);
    }

    /** Loses every marker, as if the function died after publishing but before recording (or the markers expired before a late redelivery). */
    public synchronized void forget() {
        markers.clear();
    }
}
