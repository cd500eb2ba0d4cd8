package com.example.shop.catalog.handler;

import com.example.shop.platform.Observability;
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

    /** Logging context, cold-start metric and tracing, built once per execution environment. */
    private final Observability observability = new Observability(FunctionEnvironment.current());

    private static final JsonRequestValidator SCHEMA =
            JsonRequestValidator.forSchema("schemas/create-category-request.schema.json");

    private final CatalogAdministration administration;

    /** Used by Lambda: wires the function from its environment. */
    public CreateCategoryHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()).administration());
    }

    CreateCategoryHandler(CatalogAdministration administration) {
        this.administration = administration;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return observability.handle(context, () -> respond(event));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        Observability.correlate(HttpRequests.trace(event).correlationId());
        return HttpRequests.adminCommand(event, SCHEMA, body -> {
            Category category = administration.createCategory(body.get("name").asText(), HttpRequests.trace(event));
            return ApiResponses.json(201, CatalogJson.CategoryJson.of(category),
                    Map.of("location", "/categories/" + category.id().value()));
        });
    }
}
