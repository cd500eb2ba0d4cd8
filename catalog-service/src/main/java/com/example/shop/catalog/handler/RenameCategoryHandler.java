package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.JsonRequestValidator;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;

/**
 * {@code PUT /categories/{id}} (admin token): renames a category, validated against
 * {@code schemas/rename-category-request.schema.json}; one conditional write moves the category
 * one version on.
 *
 * <p>Answers 200 with the renamed category; 400 naming each violation; 403 for a non-admin; 404
 * for an unknown category; 503 with {@code Retry-After} when another change of the category came
 * first (nothing was written; the client retries). The projector then renames the category in every product view.
 */
public final class RenameCategoryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final JsonRequestValidator SCHEMA =
            JsonRequestValidator.forSchema("schemas/rename-category-request.schema.json");

    private final CatalogAdministration administration;
    private final CatalogHttp http;

    /** Used by Lambda: wires the function from its environment. */
    public RenameCategoryHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/rename-category.json");
    }

    private RenameCategoryHandler(CatalogWiring wiring) {
        this(wiring.administration(), wiring.function().observability());
    }

    RenameCategoryHandler(CatalogAdministration administration, Observability observability) {
        this.administration = administration;
        this.http = new CatalogHttp(observability);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.command(event, context, SCHEMA, (body, trace) -> CatalogHttp.withPathId(event, "category",
                CategoryId::isWellFormed, CategoryId::new,
                id -> switch (administration.renameCategory(id, body.get("name").asText(), trace)) {
                    case CatalogAdministration.CategorySaved saved ->
                            ApiResponses.json(200, CatalogJson.CategoryJson.of(saved.category()));
                    case CatalogAdministration.NoSuchCategory missing ->
                            CatalogHttp.notFound("category " + missing.id());
                    case CatalogAdministration.ConcurrentChange conflict -> CatalogHttp.concurrentChange();
                }));
    }
}
