package com.example.shop.platform;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderScoped;
import com.example.shop.events.codec.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An idempotent event consumer for an SQS-triggered function, written as a routing table:
 * {@code SqsEventConsumer.named("reserve-stock").on(OrderPlaced.class, this::reserve).using(codec, processed)}.
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

    private final String name;
    private final Map<Class<? extends DomainEvent>, Consumer<EventEnvelope<? extends DomainEvent>>> routes;
    private final EventCodec codec;
    private final ProcessedEvents processed;

    private SqsEventConsumer(String name, Map<Class<? extends DomainEvent>, Consumer<EventEnvelope<? extends DomainEvent>>> routes,
                             EventCodec codec, ProcessedEvents processed) {
        this.name = name;
        this.routes = Map.copyOf(routes);
        this.codec = codec;
        this.processed = processed;
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
        Consumer<EventEnvelope<? extends DomainEvent>> route = routes.get(envelope.data().getClass());
        if (route == null) {
            LOG.warn("Consumer {} has no route for {}; acknowledged unhandled", name, envelope.metadata().eventType());
            return;
        }
        if (processed.contains(name, envelope.eventId())) {
            LOG.info("Duplicate delivery of {} {} skipped", envelope.metadata().eventType(), envelope.eventId());
            return;
        }
        route.accept(envelope);
        processed.add(name, envelope.eventId());
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? "?" : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
    }

    /** Builds the routing table. */
    public static final class Builder {
        private final String name;
        private final Map<Class<? extends DomainEvent>, Consumer<EventEnvelope<? extends DomainEvent>>> routes =
                new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Routes events of {@code type} to {@code action}. */
        @SuppressWarnings("unchecked")
        public <T extends DomainEvent> Builder on(Class<T> type, Consumer<EventEnvelope<T>> action) {
            routes.put(type, envelope -> action.accept((EventEnvelope<T>) envelope));
            return this;
        }

        public SqsEventConsumer using(EventCodec codec, ProcessedEvents processed) {
            return new SqsEventConsumer(name, routes, codec, processed);
        }
    }

    /** The event's identity in every log line written while it is handled. */
    static final class EventLogContext {
        private EventLogContext() {
        }

        static void set(EventEnvelope<?> envelope) {
            MDC.put("correlationId", envelope.metadata().correlationId());
            MDC.put("eventId", envelope.metadata().eventId());
            MDC.put("causationId", envelope.metadata().causationId());
            MDC.put("eventType", envelope.metadata().eventType());
            if (envelope.data() instanceof OrderScoped scoped) {
                MDC.put("orderId", scoped.orderId());
            }
        }

        static void clear() {
            MDC.remove("correlationId");
            MDC.remove("eventId");
            MDC.remove("causationId");
            MDC.remove("eventType");
            MDC.remove("orderId");
        }
    }
}
