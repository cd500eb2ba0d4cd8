package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.RebuildReadModel;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/catalog/rebuild} (admin token): scans the whole catalog table and projects
 * every category and product into the read table again, with the projector the stream feeds.
 *
 * <p>Answers 200 with the counts ({@code categories, products, productViewsWritten,
 * categoryNamesWritten}); 403 for a non-admin. Safe to repeat and to run while the stream
 * projector runs (every view write is conditional on versions): a failure half-way is repaired by
 * running it again. It works within one invocation, which suits a catalog of some thousands of
 * products; a far larger one would fan the scan's segments out through a queue instead.
 */
public final class RebuildCatalogReadModelHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildCatalogReadModelHandler.class);

    private final RebuildReadModel rebuild;
    private final CatalogHttp http;

    /** Used by Lambda: wires the function from its environment. */
    public RebuildCatalogReadModelHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/rebuild-catalog-read-model.json");
    }

    private RebuildCatalogReadModelHandler(CatalogWiring wiring) {
        this(wiring.rebuild(), wiring.function().observability());
    }

    RebuildCatalogReadModelHandler(RebuildReadModel rebuild, Observability observability) {
        this.rebuild = rebuild;
        this.http = new CatalogHttp(observability);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.command(event, context, trace -> {
            RebuildReadModel.Report report = rebuild.rebuild();
            LOG.info("Catalog read model rebuilt: {}", report);
            return ApiResponses.json(200, report);
        });
    }
}
