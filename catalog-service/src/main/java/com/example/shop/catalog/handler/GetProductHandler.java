package com.example.shop.catalog.handler;

import com.example.shop.platform.Observability;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.FunctionEnvironment;

/**
 * {@code GET /products/{id}} (public, no token): one product as shoppers see it, read from the
 * read model only, category name included. Discontinued products stay readable, with
 * {@code status: DISCONTINUED}.
 *
 * <p>Answers 200 with the product, 404 problem+json when there is none. The read model follows
 * the write model within moments (it is fed by the table's stream), so a product just created may
 * answer 404 for a short while.
 */
public final class GetProductHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Logging context, cold-start metric and tracing, built once per execution environment. */
    private final Observability observability = new Observability(FunctionEnvironment.current());

    private final CatalogReadModel readModel;

    /** Used by Lambda: wires the function from its environment. */
    public GetProductHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()).readModel());
    }

    GetProductHandler(CatalogReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return observability.handle(context, () -> respond(event));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        Observability.correlate(HttpRequests.trace(event).correlationId());
        String id = HttpRequests.pathParameter(event, "id").orElse("");
        // A malformed id cannot name a product: 404 without asking the table.
        return HttpRequests.pathParameter(event, "id").filter(ProductId::isWellFormed)
                .flatMap(wellFormed -> readModel.product(new ProductId(wellFormed)))
                .map(view -> ApiResponses.json(200, CatalogJson.ProductJson.of(view)))
                .orElseGet(() -> HttpRequests.notFound("product " + id));
    }
}
