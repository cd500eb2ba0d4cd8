package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;

/**
 * {@code POST /products/{id}/discontinue} (admin token, no body): withdraws a product from sale
 * with one conditional write; the table's stream announces {@code ProductDiscontinued} (order
 * stops pricing it) and the projector drops it from its category's listing.
 *
 * <p>Answers 200 with the product's state (also when it already was discontinued: nothing is
 * written or announced again); 403 for a non-admin; 404 for an unknown product; 503 with
 * {@code Retry-After} when another change came first (nothing was written).
 */
public final class DiscontinueProductHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CatalogAdministration administration;
    private final CatalogHttp http;

    /** Used by Lambda: wires the function from its environment. */
    public DiscontinueProductHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/discontinue-product.json");
    }

    private DiscontinueProductHandler(CatalogWiring wiring) {
        this(wiring.administration(), wiring.function().observability());
    }

    DiscontinueProductHandler(CatalogAdministration administration, Observability observability) {
        this.administration = administration;
        this.http = new CatalogHttp(observability);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.command(event, context, trace -> CatalogHttp.withPathId(event, "product",
                ProductId::isWellFormed, ProductId::new, id -> switch (administration.discontinue(id, trace)) {
                    case CatalogAdministration.ProductSaved saved -> CatalogHttp.productState(saved.product());
                    case CatalogAdministration.Unchanged unchanged -> CatalogHttp.productState(unchanged.product());
                    case CatalogAdministration.NoSuchProduct missing -> CatalogHttp.notFound("product " + missing.id());
                    case CatalogAdministration.ConcurrentChange conflict -> CatalogHttp.concurrentChange();
                }));
    }
}
