package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.Category;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.JsonRequestValidator;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;

import java.util.Map;

/**
 * {@code POST /categories} (admin token): validates {@code {name}} against
 * {@code schemas/create-category-request.schema.json} and writes a new category to the catalog
 * table.
 *
 * <p>Answers 201 with {@code {categoryId, name, version}} and a {@code Location}; 400
 * problem+json naming each violation (unknown fields included); 403 for a non-admin. The
 * projector picks the category up from the table's stream; nothing is published for categories.
 * A failure before the write leaves nothing behind, so the client may simply retry.
 */
public final class CreateCategoryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final JsonRequestValidator SCHEMA =
            JsonRequestValidator.forSchema("schemas/create-category-request.schema.json");

    private final CatalogAdministration administration;
    private final CatalogHttp http;

    /** Used by Lambda: wires the function from its environment. */
    public CreateCategoryHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/create-category.json");
    }

    private CreateCategoryHandler(CatalogWiring wiring) {
        this(wiring.administration(), wiring.function().observability());
    }

    CreateCategoryHandler(CatalogAdministration administration, Observability observability) {
        this.administration = administration;
        this.http = new CatalogHttp(observability);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.command(event, context, SCHEMA, (body, trace) -> {
            Category category = administration.createCategory(body.get("name").asText(), trace);
            return ApiResponses.json(201, CatalogJson.CategoryJson.of(category),
                    Map.of("location", "/categories/" + category.id().value()));
        });
    }
}
