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

    public PublishOrderEventsHandler() {
        this(OrderWiring.fromEnvironment());
    }

    private PublishOrderEventsHandler(OrderWiring wiring) {
        this(wiring.eventBus(), wiring.codec());
    }

    PublishOrderEventsHandler(EventPublisher bus, EventCodec codec) {
        this.bus = bus;
        this.codec = codec;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                // Read inside the try: an unreadable entry must fail this record alone, not the
                // whole batch, or the records before it would be published again on the retry.
                List<EventEnvelope<DomainEvent>> events = newOutboxEvents(record);
                if (!events.isEmpty()) {
                    bus.publish(events);
                    events.forEach(e -> LOG.info("Published {} {} for correlation {}", e.metadata().eventType(),
                            e.eventId(), e.correlationId()));
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
