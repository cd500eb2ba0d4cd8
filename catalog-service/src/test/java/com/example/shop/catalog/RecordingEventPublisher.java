package com.example.shop.catalog;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublishException;
import com.example.shop.events.EventPublisher;

import java.util.ArrayList;
import java.util.List;

/**
 * An event bus in memory: records every event it accepted, in order, and can be told to refuse
 * calls the way PutEvents does when entries still fail after the publisher's retries.
 */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<EventEnvelope<?>> published = new ArrayList<>();
    private int acceptsBeforeFailing;
    private int failuresLeft;
    private int calls;

    /** The next {@code accepted} calls succeed, then {@code times} calls accept nothing and throw. */
    public synchronized RecordingEventPublisher failAfter(int accepted, int times) {
        acceptsBeforeFailing = accepted;
        failuresLeft = times;
        return this;
    }

    @Override
    public synchronized void publish(List<? extends EventEnvelope<?>> events) {
        calls++;
        if (acceptsBeforeFailing > 0) {
            acceptsBeforeFailing--;
        } else if (failuresLeft > 0) {
            failuresLeft--;
            throw new EventPublishException("test-bus", events.size(), events.stream()
                    .map(e -> new EventPublishException.FailedEvent(e.eventId(), e.metadata().eventType(),
                            "InternalFailure", "told to fail"))
                    .toList());
        }
        published.addAll(events);
    }

    /** Every accepted event, in publishing order. */
    public synchronized List<EventEnvelope<?>> published() {
        return List.copyOf(published);
    }

    /** The event types of every accepted event, in publishing order. */
    public synchronized List<String> publishedTypes() {
        return published.stream().map(e -> e.metadata().eventType()).toList();
    }

    /** How many times {@code publish} was called, accepted or not. */
    public synchronized int calls() {
        return calls;
    }
}
