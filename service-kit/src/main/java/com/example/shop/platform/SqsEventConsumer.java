package com.example.shop.platform;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.codec.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An idempotent event consumer for an SQS-triggered function, written as a routing table:
 * {@code SqsEventConsumer.named("reserve-stock").on(OrderPlaced.class, reserveStock::reserve).using(codec, processed, bus)}.
 *
 * <p>This is where the shop's rule for a state change caused by an event lives (see
 * {@code docs/decisions/0001-announcing-events.md}): the route makes an idempotent, conditional
 * write and returns what it {@link Announces}; the consumer then publishes those events through
 * the one {@link EventPublisher} port, and only after that remembers the event as processed. A
 * failed publish therefore fails the message; its redelivery runs the route again, which finds its
 * own write and announces the same events (ids from {@code EventIds}, or the recorded ones) again.
 *
 * <p>Each message of a batch is handled on its own: its body is decoded whatever the delivery
 * shape (EventBridge event, SNS notification, bare envelope); an event already handled by this
 * consumer is acknowledged without running again; an event type the consumer has no route for is
 * acknowledged and logged (forward compatibility). A message that cannot be decoded, or whose
 * handling throws, is reported in {@code batchItemFailures}: the queue redelivers only that
 * message and, after its {@code maxReceiveCount}, moves it to the DLQ. Nothing is dropped
 * silently. The template must enable {@code ReportBatchItemFailures} on the mapping.
 */
public final class SqsEventConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventConsumer.class);

    /** The publisher of a consumer that announces nothing: any announcement is a wiring mistake. */
    private static final EventPublisher ANNOUNCES_NOTHING = events -> {
        if (!events.isEmpty()) {
            throw new IllegalStateException("this consumer was built without an event publisher but a route announced "
                    + events.size() + " event(s)");
        }
    };

    private final String name;
    private final Map<Class<? extends DomainEvent>, Function<EventEnvelope<? extends DomainEvent>, Decision>> routes;
    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final EventPublisher publisher;

    private SqsEventConsumer(Builder builder, EventCodec codec, ProcessedEvents processed, EventPublisher publisher) {
        this.name = builder.name;
        this.routes = Map.copyOf(builder.routes);
        this.codec = codec;
        this.processed = processed;
        this.publisher = publisher;
    }

    /** Starts a routing table for the consumer {@code name} (its deduplication namespace). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Handles a batch and answers which messages must be delivered again. */
    public SQSBatchResponse handle(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                handle(message);
            } catch (RuntimeException e) {
                LOG.error("Message {} of consumer {} failed (receive count {}); it will be redelivered",
                        message.getMessageId(), name, receiveCount(message), e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } finally {
                EventLogContext.clear();
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void handle(SQSEvent.SQSMessage message) {
        Optional<EventEnvelope<DomainEvent>> decoded = codec.read(message.getBody());
        if (decoded.isEmpty()) {
            LOG.warn("Message {} holds an event type {} does not know; acknowledged unhandled",
                    message.getMessageId(), name);
            return;
        }
        EventEnvelope<DomainEvent> envelope = decoded.get();
        EventLogContext.set(envelope);
        var route = routes.get(envelope.data().getClass());
        if (route == null) {
            LOG.warn("Consumer {} has no route for {}; acknowledged unhandled", name, envelope.metadata().eventType());
            return;
        }
        if (processed.contains(name, envelope.eventId())) {
            LOG.info("Duplicate delivery of {} {} skipped", envelope.metadata().eventType(), envelope.eventId());
            return;
        }
        Decision decision = route.apply(envelope);
        List<EventEnvelope<? extends DomainEvent>> announcements = decision.outcome().announcements();
        if (!announcements.isEmpty()) {
            publisher.publish(announcements);
            announcements.forEach(published -> LOG.info("Published {} {}", published.metadata().eventType(),
                    published.eventId()));
        }
        decision.afterPublishing().run();
        processed.add(name, envelope.eventId());
    }

    /** How often SQS has delivered the message, from its {@code ApproximateReceiveCount}; 0 when unknown. */
    public static int receiveCount(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 0 : Math.max(0, Integer.parseInt(count));
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }

    /** What a route decided, and what is left to do once its announcements are published. */
    private record Decision(Announces outcome, Runnable afterPublishing) {
    }

    /** Builds the routing table. */
    public static final class Builder {
        private final String name;
        private final Map<Class<? extends DomainEvent>, Function<EventEnvelope<? extends DomainEvent>, Decision>> routes =
                new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Routes events of {@code type} to {@code action}, whose outcome's announcements are
         * published before the event counts as processed ({@link Announces#NOTHING} for a route
         * that only changes local state).
         */
        public <T extends DomainEvent> Builder on(Class<T> type, Function<EventEnvelope<T>, ? extends Announces> action) {
            Function<EventEnvelope<T>, Announces> decide = action::apply;
            return on(type, decide, (event, outcome) -> { });
        }

        /**
         * Routes events of {@code type} to {@code action}, and runs {@code afterPublishing} once its
         * outcome's announcements are published and before the event counts as processed (e.g. to
         * page the operators about what was announced). If it throws, the message is redelivered.
         */
        @SuppressWarnings("unchecked")
        public <T extends DomainEvent, R extends Announces> Builder on(Class<T> type, Function<EventEnvelope<T>, R> action,
                                                                       BiConsumer<EventEnvelope<T>, R> afterPublishing) {
            routes.put(type, envelope -> {
                EventEnvelope<T> event = (EventEnvelope<T>) envelope;
                R outcome = action.apply(event);
                return new Decision(outcome, () -> afterPublishing.accept(event, outcome));
            });
            return this;
        }

        /** The consumer, publishing what its routes announce to {@code publisher}. */
        public SqsEventConsumer using(EventCodec codec, ProcessedEvents processed, EventPublisher publisher) {
            return new SqsEventConsumer(this, codec, processed, publisher);
        }

        /** A consumer whose routes announce nothing (it builds no event-bus client). */
        public SqsEventConsumer using(EventCodec codec, ProcessedEvents processed) {
            return new SqsEventConsumer(this, codec, processed, ANNOUNCES_NOTHING);
        }
    }
}
