package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.CatalogProjector;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.StreamBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read model's projector, triggered by the catalog table's stream: every category and product
 * change is applied to the denormalised read table (product views with their category's name,
 * listed per category).
 *
 * <p>Idempotent and order-tolerant: each view write is conditional on the product or category
 * version it reflects, so a redelivered batch or a late change writes nothing. When a record
 * cannot be applied (throttling, an unreadable image) it is reported as the batch's first failure
 * ({@link StreamBatch#inOrder}, {@code ReportBatchItemFailures}): the stream retries from it,
 * bisecting the batch; after the mapping's retries the batch is described in
 * {@code CatalogStreamFailureQueue}, and the rebuild command repairs whatever was skipped.
 */
public final class ProjectCatalogHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectCatalogHandler.class);

    private final CatalogProjector projector;
    private final Observability observability;

    /** Used by Lambda: wires the function from its environment. */
    public ProjectCatalogHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/project-catalog.json");
    }

    private ProjectCatalogHandler(CatalogWiring wiring) {
        this(wiring.projector(), wiring.function().observability());
    }

    ProjectCatalogHandler(CatalogProjector projector, Observability observability) {
        this.projector = projector;
        this.observability = observability;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return observability.handle(context, () -> StreamBatch.inOrder(event, "Projecting", record ->
                CatalogStreamRecords.change(record).map(projector::project).ifPresent(projected ->
                        LOG.debug("Stream record {} projected: {}", record.getDynamodb().getSequenceNumber(),
                                projected))));
    }
}
