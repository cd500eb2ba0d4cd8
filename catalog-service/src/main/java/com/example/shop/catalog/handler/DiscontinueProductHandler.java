package com.example.shop.catalog.handler;

import com.example.shop.platform.Observability;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.FunctionEnvironment;

/**
 * {@code POST /products/{id}/discontinue} (admin token, no body): withdraws a product from sale
 * with one conditional write; the table's stream announces {@code ProductDiscontinued} (order
 * stops pricing it) and the projector drops it from its category's listing.
 *
 * <p>Answers 200 with the product's state (also when it already was discontinued: nothing is
 * written or announced again); 403 for a non-admin; 404 for an unknown product; 409 when another
 * change came first.
 */
public final class DiscontinueProductHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Logging context, cold-start metric and tracing, built once per execution environment. */
    private final Observability observability = new Observability(FunctionEnvironment.current());

    private final CatalogAdministration administration;

    /** Used by Lambda: wires the function from its environment. */
    public DiscontinueProductHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()).administration());
    }

    DiscontinueProductHandler(CatalogAdministration administration) {
        this.administration = administration;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return observability.handle(context, () -> respond(event));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        Observability.correlate(HttpRequests.trace(event).correlationId());
        return HttpRequests.adminOnly(event).orElseGet(() -> {
            String id = HttpRequests.pathParameter(event, "id").orElse("");
            if (!ProductId.isWellFormed(id)) {
                return HttpRequests.notFound("product " + id);
            }
            return switch (administration.discontinue(new ProductId(id), HttpRequests.trace(event))) {
                case CatalogAdministration.ProductSaved saved ->
                        ApiResponses.json(200, CatalogJson.ProductStateJson.of(saved.product()));
                case CatalogAdministration.Unchanged unchanged ->
                        ApiResponses.json(200, CatalogJson.ProductStateJson.of(unchanged.product()));
                case CatalogAdministration.NoSuchProduct missing -> HttpRequests.notFound("product " + missing.id());
                case CatalogAdministration.ConcurrentChange conflict -> HttpRequests.concurrentChange();
            };
        });
    }
}
