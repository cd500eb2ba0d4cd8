package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;

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

    private final CatalogReadModel readModel;
    private final CatalogHttp http;

    /** Used by Lambda: wires the function from its environment. */
    public GetProductHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/get-product.json");
    }

    private GetProductHandler(CatalogWiring wiring) {
        this(wiring.readModel(), wiring.function().observability());
    }

    GetProductHandler(CatalogReadModel readModel, Observability observability) {
        this.readModel = readModel;
        this.http = new CatalogHttp(observability);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        // A malformed id cannot name a product: 404 without asking the table.
        return http.query(event, context, request -> CatalogHttp.withPathId(request, "product",
                ProductId::isWellFormed, ProductId::new, id -> readModel.product(id)
                        .map(view -> ApiResponses.json(200, CatalogJson.ProductJson.of(view)))
                        .orElseGet(() -> CatalogHttp.notFound("product " + id))));
    }
}
