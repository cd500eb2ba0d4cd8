package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.config.CatalogWiring;
import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.ApiResponses.Violation;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.HttpRequests;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /products?category=<id>&limit=<1..100>&cursor=<opaque>} (public, no token): one page
 * of a category's products for sale, in name order, read from the read model's category index
 * only. Discontinued products are left out of listings (they stay readable by id).
 *
 * <p>Answers 200 with {@code {items: [...], nextCursor}}, where {@code nextCursor} is null after
 * the last page and otherwise goes into the next request as {@code cursor}; {@code limit}
 * defaults to {@value #DEFAULT_LIMIT}. A missing or malformed category, a limit outside 1..100 or
 * a cursor this API did not hand out for this category answers 400 problem+json naming the
 * parameter. The cursor is checked here first (base64url text of at most
 * {@link CatalogReadModel#MAX_CURSOR_LENGTH} characters), then by the read model, which decodes it
 * and refuses any key it would not have handed out; a forged cursor never reaches the table. An
 * unknown category is simply empty.
 */
public final class ListProductsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1," + CatalogReadModel.MAX_CURSOR_LENGTH + "}");

    private final CatalogReadModel readModel;
    private final CatalogHttp http;

    /** Used by Lambda: wires the function from its environment. */
    public ListProductsHandler() {
        this(CatalogWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/list-products.json");
    }

    private ListProductsHandler(CatalogWiring wiring) {
        this(wiring.readModel(), wiring.function().observability());
    }

    ListProductsHandler(CatalogReadModel readModel, Observability observability) {
        this.readModel = readModel;
        this.http = new CatalogHttp(observability);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.query(event, context, this::list);
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        String category = HttpRequests.queryParameter(event, "category").orElse("");
        String limitText = HttpRequests.queryParameter(event, "limit").orElse(Integer.toString(DEFAULT_LIMIT));
        Optional<String> cursor = HttpRequests.queryParameter(event, "cursor");
        List<Violation> violations = new ArrayList<>();
        if (!CategoryId.isWellFormed(category)) {
            violations.add(new Violation("category", "a category id is required (letters, digits, . _ : -)"));
        }
        int limit = DIGITS.matcher(limitText).matches() ? Integer.parseInt(limitText) : -1;
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        if (cursor.isPresent() && !CURSOR.matcher(cursor.get()).matches()) {
            violations.add(new Violation("cursor", "must be the nextCursor of an earlier page"));
        }
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        return switch (readModel.listed(new CategoryId(category), limit, cursor)) {
            case CatalogReadModel.Page page -> ApiResponses.json(200, new CatalogJson.ListingJson(
                    page.items().stream().map(CatalogJson.ProductJson::of).toList(), page.nextCursor().orElse(null)));
            case CatalogReadModel.InvalidCursor bad -> invalid(List.of(new Violation("cursor", bad.reason())));
        };
    }

    private static APIGatewayV2HTTPResponse invalid(List<Violation> violations) {
        return ApiResponses.problem(400, "Invalid request", "the query parameters are not valid", violations);
    }
}
