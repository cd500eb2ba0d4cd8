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
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.StreamOutbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outbox publisher, triggered by the orders table's stream: every event a write put into an
 * order's {@code outbox} attribute (and that the previous image did not hold) is published to the
 * bus, in stream order, by the platform's {@link StreamOutbox}. What is order-specific is only
 * which events a record newly holds.
 *
 * <p>When PutEvents fails for an entry after the publisher's own retries, or an outbox entry cannot
 * be read, the record is reported as the first failure ({@code ReportBatchItemFailures}): Lambda
 * retries the stream from that record, so nothing after it overtakes it and nothing is lost; the
 * retry publishes the same events under the same ids (they are stored in the item). After the
 * mapping's retries the batch is described in the on-failure queue for a replay.
 */
public final class PublishOrderEventsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final StreamOutbox outbox;
    private final EventCodec codec;
    private final Observability observability;

    /** Used by Lambda: wires the function from its environment. */
    public PublishOrderEventsHandler() {
        this(OrderWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/publish-order-events.json");
    }

    private PublishOrderEventsHandler(OrderWiring wiring) {
        this(wiring.function().eventBus(), wiring.function().codec(), wiring.function().observability());
    }

    PublishOrderEventsHandler(EventPublisher bus, EventCodec codec, Observability observability) {
        this.outbox = new StreamOutbox(bus, this::newOutboxEvents);
        this.codec = codec;
        this.observability = observability;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return observability.handle(context, () -> outbox.publish(event));
    }

    /** The events in the record's new outbox that its old image did not hold; none for a removal. */
    private List<EventEnvelope<DomainEvent>> newOutboxEvents(DynamodbEvent.DynamodbStreamRecord record) {
        if ("REMOVE".equals(record.getEventName())) {
            return List.of();
        }
        Set<String> before = outbox(record.getDynamodb().getOldImage()).stream()
                .map(EventEnvelope::eventId).collect(Collectors.toSet());
        return outbox(record.getDynamodb().getNewImage()).stream()
                .filter(e -> !before.contains(e.eventId())).toList();
    }

    /** An item's outbox; items without one (prices, processed-event markers) hold none. */
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
