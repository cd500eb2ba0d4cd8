package com.example.shop.events;

import java.util.List;

/**
 * The port through which a service announces facts to the rest of the shop.
 *
 * <p>{@code publish} returns only when every event was accepted; otherwise it throws, so the
 * triggering message or stream record is retried (and ends in a DLQ) instead of being lost.
 * Tests use an in-memory implementation; production uses the EventBridge adapter.
 */
public interface EventPublisher {

    /**
     * Publishes the events, in order where the transport allows.
     *
     * @throws EventPublishException naming the events that were not accepted
     */
    void publish(List<? extends EventEnvelope<?>> events);

    /**
     * Publishes one event.
     *
     * @throws EventPublishException when the event was not accepted
     */
    default void publish(EventEnvelope<?> event) {
        publish(List.of(event));
    }
}
