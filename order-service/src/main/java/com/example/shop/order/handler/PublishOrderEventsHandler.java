package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.order.config.OrderWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import com.example.shop.events.OrderScoped;
import com.example.shop.platform.Observability;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outbox publisher, triggered by the orders table's stream: every event a write put into an
 * order's {@code outbox} attribute (and that the previous image did not hold) is published to the
 * bus, in stream order.
 *
 * <p>When PutEvents fails for an entry after the publisher's own retries, or an outbox entry cannot
 * be read, the record is reported as the first failure ({@code ReportBatchItemFailures}): Lambda
 * retries the stream from that record, so nothing after it overtakes it and nothing is lost; after
 * the mapping's retries the batch is described in the on-failure queue for a replay.
 */
public final class PublishOrderEventsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PublishOrderEventsHandler.class);

    private final EventPublisher bus;
    private final EventCodec codec;
    private final Observability observability;

    public PublishOrderEventsHandler() {
        this(OrderWiring.fromEnvironment());
    }

    private PublishOrderEventsHandler(OrderWiring wiring) {
        this(wiring.eventBus(), wiring.codec(), wiring.observability());
    }

    PublishOrderEventsHandler(EventPublisher bus, EventCodec codec) {
        this(bus, codec, new Observability(Map.of("POWERTOOLS_SERVICE_NAME", "order")));
    }

    PublishOrderEventsHandler(EventPublisher bus, EventCodec codec, Observability observability) {
        this.bus = bus;
        this.codec = codec;
        this.observability = observability;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return observability.handle(context, () -> publish(event));
    }

    private StreamsEventResponse publish(DynamodbEvent event) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                // Read inside the try: an unreadable entry must fail this record alone, not the
                // whole batch, or the records before it would be published again on the retry.
                List<EventEnvelope<DomainEvent>> events = newOutboxEvents(record);
                if (!events.isEmpty()) {
                    bus.publish(events);
                    events.forEach(PublishOrderEventsHandler::logPublished);
                }
            } catch (RuntimeException e) {
                LOG.error("Reading or publishing the outbox of stream record {} failed; the stream retries from it",
                        record.getDynamodb().getSequenceNumber(), e);
                return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()))).build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    /** One line per published event, in that event's correlation context. */
    private static void logPublished(EventEnvelope<DomainEvent> event) {
        MDC.put("correlationId", event.correlationId());
        MDC.put("eventId", event.eventId());
        MDC.put("causationId", event.metadata().causationId());
        MDC.put("eventType", event.metadata().eventType());
        if (event.data() instanceof OrderScoped scoped) {
            MDC.put("orderId", scoped.orderId());
        }
        LOG.info("Published {} from the outbox", event.metadata().eventType());
    }

    private List<EventEnvelope<DomainEvent>> newOutboxEvents(DynamodbEvent.DynamodbStreamRecord record) {
        if ("REMOVE".equals(record.getEventName())) {
            return List.of();
        }
        Set<String> before = outbox(record.getDynamodb().getOldImage()).stream()
                .map(e -> e.eventId()).collect(Collectors.toSet());
        return outbox(record.getDynamodb().getNewImage()).stream()
                .filter(e -> !before.contains(e.eventId())).toList();
    }

    private List<EventEnvelope<DomainEvent>> outbox(Map<String, AttributeValue> image) {
        if (image == null || image.get("outbox") == null || image.get("outbox").getL() == null) {
            return List.of();
        }
        return image.get("outbox").getL().stream()
                .map(value -> codec.readDetail(value.getS()).orElseThrow(() -> new IllegalStateException(
                        "outbox holds an event type this publisher does not know: " + value.getS())))
                .toList();
    }
}
