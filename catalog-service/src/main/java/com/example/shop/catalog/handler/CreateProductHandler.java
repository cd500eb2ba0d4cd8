package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.CategoryId;
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
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /products} (admin token): validates {@code {name, description, categoryId, price}}
 * against {@code schemas/create-product-request.schema.json} and writes a new, active product to
 * the catalog table. The table's stream then announces {@code ProductCreated} (order starts
 * pricing the product, inventory stocking it) and the projector makes it readable.
 *
 * <p>Answers 201 with {@code {productId}} and a {@code Location}; 400 naming each violation; 403
 * for a non-admin; 422 when the category does not exist. Nothing is published from here, so a
 * failure after the write can neither lose nor duplicate the announcement.
 */
public final class CreateProductHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final JsonRequestValidator SCHEMA =
            JsonRequestValidator.forSchema("schemas/create-product-request.schema.json");

    private final CatalogAdministration administration;
    private final CatalogHttp http;

    /** Used by Lambda: wires the function from its environment. */
    public CreateProductHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/create-product.json");
    }

    private CreateProductHandler(CatalogWiring wiring) {
        this(wiring.administration(), wiring.function().observability());
    }

    CreateProductHandler(CatalogAdministration administration, Observability observability) {
        this.administration = administration;
        this.http = new CatalogHttp(observability);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.command(event, context, SCHEMA, this::introduce);
    }

    private APIGatewayV2HTTPResponse introduce(JsonNode body, RequestTrace trace) {
        Optional<Money> price = CatalogHttp.price(body.get("price"));
        if (price.isEmpty()) {
            return CatalogHttp.unknownCurrency("/price/currency");
        }
        return switch (administration.introduceProduct(request(body, price.get()), trace)) {
            case CatalogAdministration.ProductSaved saved -> ApiResponses.json(201,
                    new CatalogJson.CreatedProductJson(saved.product().id().value()),
                    Map.of("location", "/products/" + saved.product().id().value()));
            case CatalogAdministration.NoSuchCategory missing -> ApiResponses.problem(422, "Unknown category",
                    "no category " + missing.id() + " exists; create it first",
                    List.of(new Violation("/categoryId", "unknown category " + missing.id())));
        };
    }

    private static CatalogAdministration.NewProduct request(JsonNode body, Money price) {
        return new CatalogAdministration.NewProduct(body.get("name").asText(),
                body.hasNonNull("description") ? body.get("description").asText() : "",
                new CategoryId(body.get("categoryId").asText()), price);
    }
}
