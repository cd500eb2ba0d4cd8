package com.example.shop.platform.testing;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublishException;
import com.example.shop.events.EventPublisher;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link EventPublisher} that records what was published and can be told to reject
 * the next publishes, as a failing bus would.
 */
public final class InMemoryEventPublisher implements EventPublisher {

    private final List<EventEnvelope<?>> published = new ArrayList<>();
    private int failuresToCome;

    @Override
    public synchronized void publish(List<? extends EventEnvelope<?>> events) {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new EventPublishException("test-bus", events.size(), events.stream()
                    .map(e -> new EventPublishException.FailedEvent(e.eventId(), e.metadata().eventType(),
                            "InternalFailure", "simulated"))
                    .toList());
        }
        published.addAll(events);
    }

    /** The next {@code times} publishes accept nothing and throw {@link EventPublishException}. */
    public synchronized void failNext(int times) {
        failuresToCome = times;
    }

    /** Forgets what was published so far, e.g. after a test's set-up. */
    public synchronized void clear() {
        published.clear();
    }

    /** Every accepted event, in publishing order. */
    public synchronized List<EventEnvelope<?>> published() {
        return List.copyOf(published);
    }

    /** The event types of every accepted event, in publishing order. */
    public synchronized List<String> publishedTypes() {
        return published.stream().map(e -> e.metadata().eventType()).toList();
    }
}
