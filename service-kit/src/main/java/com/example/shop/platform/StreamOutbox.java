package com.example.shop.platform;

import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;

/**
 * The outbox publisher: a table's stream is the outbox of the changes that HTTP requests made, and
 * this publishes the events each new record holds, in stream order, through the one
 * {@link EventPublisher} port.
 *
 * <p>The request's handler wrote the change and its events in one conditional write and answered;
 * it never publishes itself (no dual write). Here a failed publish, after the publisher's own
 * retries, fails the record ({@link StreamBatch}), so the stream delivers it again and the same
 * events (same ids) are published again: at least once, never lost. What a record announces is the
 * service's business ({@code announcements}); how it reaches the bus is the same everywhere.
 */
public final class StreamOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(StreamOutbox.class);

    private final EventPublisher publisher;
    private final Function<DynamodbEvent.DynamodbStreamRecord, List<? extends EventEnvelope<? extends DomainEvent>>> announcements;

    /**
     * @param publisher the shop's event bus
     * @param announcements the events a stream record announces that the record before did not
     *                      (often none); throws when the record cannot be read
     */
    public StreamOutbox(EventPublisher publisher,
                        Function<DynamodbEvent.DynamodbStreamRecord, List<? extends EventEnvelope<? extends DomainEvent>>> announcements) {
        this.publisher = publisher;
        this.announcements = announcements;
    }

    /** Publishes every record's new events; answers which record the stream must retry from. */
    public StreamsEventResponse publish(DynamodbEvent event) {
        return StreamBatch.inOrder(event, "Publishing the outbox of", record -> {
            List<? extends EventEnvelope<? extends DomainEvent>> events = announcements.apply(record);
            if (!events.isEmpty()) {
                publisher.publish(events);
                events.forEach(published -> {
                    EventLogContext.set(published);
                    LOG.info("Published {} {} from the outbox", published.metadata().eventType(), published.eventId());
                });
            }
        });
    }
}
