package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.ProductAnnouncements;
import com.example.shop.events.EventPublisher;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.StreamOutbox;

import java.util.List;

/**
 * The catalog's outbox publisher, triggered by the catalog table's stream (a second event source
 * mapping on the stream the projector reads): a new product is announced as
 * {@code ProductCreated}, a changed price as {@code ProductPriceChanged}, the end of sale as
 * {@code ProductDiscontinued}, in stream order; categories and other writes announce nothing.
 *
 * <p>What a change announces is the catalog's rule ({@link ProductAnnouncements}: ids derived
 * from the product, its version and the event type; time, correlation and cause from the written
 * item), so a retried record republishes identical events that consumers deduplicate. How it is
 * published is the shop's one outbox ({@link StreamOutbox}): when PutEvents fails for an entry
 * (after the publisher's own retries) or an image cannot be read, the record is reported as the
 * batch's first failure ({@code ReportBatchItemFailures}): the stream retries from it, so nothing
 * after it overtakes it and nothing is lost; after the mapping's retries the batch is described
 * in {@code CatalogStreamFailureQueue} for a replay.
 */
public final class PublishCatalogEventsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final StreamOutbox outbox;
    private final Observability observability;

    /** Used by Lambda: wires the function from its environment. */
    public PublishCatalogEventsHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/publish-catalog-events.json");
    }

    private PublishCatalogEventsHandler(CatalogWiring wiring) {
        this(wiring.function().eventBus(), wiring.function().observability());
    }

    PublishCatalogEventsHandler(EventPublisher bus, Observability observability) {
        this.outbox = new StreamOutbox(bus, record ->
                CatalogStreamRecords.change(record).map(ProductAnnouncements::of).orElse(List.of()));
        this.observability = observability;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return observability.handle(context, () -> outbox.publish(event));
    }
}
