package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.catalog.domain.RequestTrace;
import com.example.shop.events.Money;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.ApiResponses.Violation;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.JsonRequestValidator;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * {@code PUT /products/{id}/price} (admin token): changes a product's list price, validated
 * against {@code schemas/change-price-request.schema.json}; one conditional write moves the
 * product one version on, and the table's stream announces {@code ProductPriceChanged}.
 *
 * <p>Answers 200 with the product's new state (also when the price already was this one: nothing
 * is written or announced then); 400 naming each violation; 403 for a non-admin; 404 for an
 * unknown product; 409 for a discontinued product; 422 when the currency differs from the
 * product's; 503 with {@code Retry-After} when another change came first (nothing was written; the
 * retried request decides again on the product as it then is).
 */
public final class ChangeProductPriceHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final JsonRequestValidator SCHEMA =
            JsonRequestValidator.forSchema("schemas/change-price-request.schema.json");

    private final CatalogAdministration administration;
    private final CatalogHttp http;

    /** Used by Lambda: wires the function from its environment. */
    public ChangeProductPriceHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/change-product-price.json");
    }

    private ChangeProductPriceHandler(CatalogWiring wiring) {
        this(wiring.administration(), wiring.function().observability());
    }

    ChangeProductPriceHandler(CatalogAdministration administration, Observability observability) {
        this.administration = administration;
        this.http = new CatalogHttp(observability);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.command(event, context, SCHEMA, (body, trace) -> CatalogHttp.withPathId(event, "product",
                ProductId::isWellFormed, ProductId::new, id -> changePrice(id, body, trace)));
    }

    private APIGatewayV2HTTPResponse changePrice(ProductId id, JsonNode body, RequestTrace trace) {
        Optional<Money> price = CatalogHttp.price(body.get("price"));
        if (price.isEmpty()) {
            return CatalogHttp.unknownCurrency("/price/currency");
        }
        return switch (administration.changePrice(id, price.get(), trace)) {
            case CatalogAdministration.ProductSaved saved -> CatalogHttp.productState(saved.product());
            case CatalogAdministration.Unchanged unchanged -> CatalogHttp.productState(unchanged.product());
            case CatalogAdministration.NoSuchProduct missing -> CatalogHttp.notFound("product " + missing.id());
            case CatalogAdministration.NotForSale discontinued -> ApiResponses.problem(409, "Product discontinued",
                    "product " + id + " is discontinued; its price can no longer change");
            case CatalogAdministration.CurrencyMismatch mismatch -> ApiResponses.problem(422, "Currency mismatch",
                    "product " + id + " is priced in " + mismatch.current().currency(),
                    List.of(new Violation("/price/currency", "must be " + mismatch.current().currency()
                            + ", the product's currency")));
            case CatalogAdministration.ConcurrentChange conflict -> CatalogHttp.concurrentChange();
        };
    }
}
