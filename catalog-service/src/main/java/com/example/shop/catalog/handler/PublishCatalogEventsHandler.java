package com.example.shop.catalog.handler;

import com.example.shop.platform.Observability;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.ProductAnnouncements;
import com.example.shop.events.CatalogEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.platform.FunctionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The catalog's outbox publisher, triggered by the catalog table's stream (a second event source
 * mapping on the stream the projector reads): a new product is announced as
 * {@code ProductCreated}, a changed price as {@code ProductPriceChanged}, the end of sale as
 * {@code ProductDiscontinued}, in stream order; categories and other writes announce nothing.
 *
 * <p>Event ids are derived from the product, its version and the event type, and time,
 * correlation and cause come from the written item, so a retried record republishes identical
 * events that consumers deduplicate. When PutEvents fails for an entry (after the publisher's own
 * retries) or an image cannot be read, the record is reported as the batch's first failure
 * ({@code ReportBatchItemFailures}): the stream retries from it, so nothing after it overtakes it
 * and nothing is lost; after the mapping's retries the batch is described in
 * {@code CatalogStreamFailureQueue} for a replay.
 */
public final class PublishCatalogEventsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** Logging context, cold-start metric and tracing, built once per execution environment. */
    private final Observability observability = new Observability(FunctionEnvironment.current());

    private static final Logger LOG = LoggerFactory.getLogger(PublishCatalogEventsHandler.class);

    private final ProductAnnouncements announcements;
    private final EventPublisher bus;

    /** Used by Lambda: wires the function from its environment. */
    public PublishCatalogEventsHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
    }

    private PublishCatalogEventsHandler(CatalogWiring wiring) {
        this(wiring.announcements(), wiring.eventBus());
    }

    PublishCatalogEventsHandler(ProductAnnouncements announcements, EventPublisher bus) {
        this.announcements = announcements;
        this.bus = bus;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return observability.handle(context, () -> process(event));
    }

    private StreamsEventResponse process(DynamodbEvent event) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                // Read inside the try: an unreadable image must fail this record alone, not the
                // whole batch, or the records before it would be published again on the retry.
                List<EventEnvelope<? extends CatalogEvent>> events =
                        CatalogStreamRecords.change(record).map(announcements::of).orElse(List.of());
                if (!events.isEmpty()) {
                    bus.publish(events);
                    events.forEach(e -> LOG.info("Published {} {} for product {} (correlation {})",
                            e.metadata().eventType(), e.eventId(), e.data().productId(), e.correlationId()));
                }
            } catch (RuntimeException e) {
                LOG.error("Announcing stream record {} failed; the stream retries from it",
                        CatalogStreamRecords.sequenceNumber(record), e);
                return CatalogStreamRecords.failedAt(record);
            }
        }
        return CatalogStreamRecords.noFailures();
    }
}
