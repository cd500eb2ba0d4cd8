package com.example.shop.catalog.handler;

import com.example.shop.platform.Observability;
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

/**
 * {@code PUT /categories/{id}} (admin token): renames a category, validated against
 * {@code schemas/rename-category-request.schema.json}; one conditional write moves the category
 * one version on.
 *
 * <p>Answers 200 with the renamed category; 400 naming each violation; 403 for a non-admin; 404
 * for an unknown category; 409 when another change of the category came first (the client reads
 * again and retries). The projector then renames the category in every product view.
 */
public final class RenameCategoryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Logging context, cold-start metric and tracing, built once per execution environment. */
    private final Observability observability = new Observability(FunctionEnvironment.current());

    private static final JsonRequestValidator SCHEMA =
            JsonRequestValidator.forSchema("schemas/rename-category-request.schema.json");

    private final CatalogAdministration administration;

    /** Used by Lambda: wires the function from its environment. */
    public RenameCategoryHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()).administration());
    }

    RenameCategoryHandler(CatalogAdministration administration) {
        this.administration = administration;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return observability.handle(context, () -> respond(event));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        Observability.correlate(HttpRequests.trace(event).correlationId());
        return HttpRequests.adminCommand(event, SCHEMA, body -> {
            String id = HttpRequests.pathParameter(event, "id").orElse("");
            if (!CategoryId.isWellFormed(id)) {
                return HttpRequests.notFound("category " + id);
            }
            return switch (administration.renameCategory(new CategoryId(id), body.get("name").asText(),
                    HttpRequests.trace(event))) {
                case CatalogAdministration.CategorySaved saved ->
                        ApiResponses.json(200, CatalogJson.CategoryJson.of(saved.category()));
                case CatalogAdministration.NoSuchCategory missing -> HttpRequests.notFound("category " + missing.id());
                case CatalogAdministration.ConcurrentChange conflict -> HttpRequests.concurrentChange();
            };
        });
    }
}
