package com.example.shop.payment.handler;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.EventTypes;
import com.example.shop.payment.domain.Announced;
import com.example.shop.payment.domain.AnnouncementIds;
import com.example.shop.platform.DerivedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Tells the shop about a payment outcome in reply to the event that caused it: same correlation
 * id, the cause as causation id, and the event id recorded with the outcome.
 */
final class Announcer {

    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    private final EventPublisher publisher;

    Announcer(EventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * Ids derived from the cause's event id and the outcome's type: a retried delivery of the same
     * cause chooses the same id, so even a crash before recording cannot create a second event.
     */
    static AnnouncementIds derivedFrom(EventEnvelope<?> cause) {
        return type -> DerivedIds.from(cause.eventId(), EventTypes.eventTypeOf(type));
    }

    /** Publishes the outcome; a publishing failure propagates so the message is retried. */
    void announce(EventEnvelope<?> cause, Announced outcome) {
        var event = EventEnvelope.causedBy(cause, outcome.fact(), outcome.announcement().eventId(),
                outcome.announcement().occurredAt());
        publisher.publish(event);
        LOG.info("Announced {} {} ({})", event.metadata().eventType(), event.eventId(),
                outcome.getClass().getSimpleName());
    }
}
