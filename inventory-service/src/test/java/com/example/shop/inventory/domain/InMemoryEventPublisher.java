package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublishException;
import com.example.shop.events.EventPublisher;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EventPublisher} that keeps what was published, and can be told to refuse the next
 * publish the way the bus refuses an entry.
 */
public final class InMemoryEventPublisher implements EventPublisher {

    private final List<EventEnvelope<?>> published = new ArrayList<>();
    private int failuresToInject;

    @Override
    public synchronized void publish(List<? extends EventEnvelope<?>> events) {
        if (failuresToInject > 0) {
            failuresToInject--;
            throw new EventPublishException("in-memory bus", events.size(), events.stream()
                    .map(e -> new EventPublishException.FailedEvent(e.eventId(), e.metadata().eventType(),
                            "InternalFailure", "injected"))
                    .toList());
        }
        published.addAll(events);
    }

    /** The next publish throws {@link EventPublishException}. */
    public synchronized void failNextPublish() {
        failuresToInject++;
    }

    public synchronized List<EventEnvelope<?>> published() {
        return List.copyOf(published);
    }

    public synchronized void clear() {
        published.clear();
    }
}
