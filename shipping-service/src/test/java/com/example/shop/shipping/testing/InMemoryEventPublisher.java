package com.example.shop.shipping.testing;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublishException;
import com.example.shop.events.EventPublisher;

import java.util.ArrayList;
import java.util.List;

/** Records what was published; can be told to reject the next publish, as a failing bus would. */
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

    public synchronized void failNext(int times) {
        failuresToCome = times;
    }

    public synchronized List<EventEnvelope<?>> published() {
        return List.copyOf(published);
    }
}
