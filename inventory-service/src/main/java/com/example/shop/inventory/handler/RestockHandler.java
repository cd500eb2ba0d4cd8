package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.inventory.config.InventoryWiring;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.StockAdministration;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.HttpEdge;
import com.example.shop.platform.HttpRequests;
import com.example.shop.platform.JsonRequestValidator;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;

/**
 * Puts units of a product into stock: {@code POST /inventory/{productId}/restock} with
 * {@code {"quantity": 1..100000}}.
 *
 * <p>Trigger: the HTTP API route (JWT authorizer; the caller must be in the {@code admin} group,
 * else 403). Effect: the body is validated against {@code schemas/restock-request.json} (400
 * problem+json naming each violation), then the product's free stock grows by the quantity in one
 * atomic update; answers 200 with the stock view. It announces nothing.
 *
 * <p>Only a product the catalog has announced can be restocked. Inventory learns of products
 * from the catalog's {@code ProductCreated} facts, which {@link CreateStockItemHandler} turns into
 * an empty stock item; the restock's update is conditional on that item existing, so a product id
 * the catalog never announced answers 404 problem+json and no orphan stock item is created. No
 * synchronous call to the catalog is made (services share facts, not calls): a product created a
 * moment ago answers 404 until its {@code ProductCreated} has reached inventory, usually within a
 * second, and the client retries (a 404 wrote nothing, so the retry cannot add twice).
 *
 * <p>Failure: an unexpected error (DynamoDB) is answered 500 by the {@link HttpEdge}; the client
 * may retry. A restock is not idempotent (each request adds), so a client should not blindly
 * repeat one that succeeded.
 */
public final class RestockHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final JsonRequestValidator VALIDATOR = JsonRequestValidator.forSchema("schemas/restock-request.json");

    private final StockAdministration administration;
    private final Observability observability;

    /** Used by Lambda: wires the function from its environment. */
    public RestockHandler() {
        this(InventoryWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/restock.json");
    }

    private RestockHandler(InventoryWiring wiring) {
        this(wiring.stockAdministration(), wiring.function().observability());
    }

    RestockHandler(StockAdministration administration, Observability observability) {
        this.administration = administration;
        this.observability = observability;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return HttpEdge.answer(observability, request, context, r -> AdminRequests.forProduct(r,
                productId -> restock(productId, HttpRequests.body(r))));
    }

    private APIGatewayV2HTTPResponse restock(ProductId productId, String body) {
        return switch (VALIDATOR.validate(body)) {
            case JsonRequestValidator.Invalid invalid -> ApiResponses.problem(400, "Invalid request",
                    "The restock request breaks its schema.", invalid.violations());
            case JsonRequestValidator.Valid valid ->
                    switch (administration.restock(productId, valid.body().get("quantity").intValue())) {
                        case StockAdministration.Restocked restocked -> ApiResponses.json(200, StockView.of(restocked.level()));
                        case StockAdministration.UnknownProduct unknown -> ApiResponses.problem(404, "Not found",
                                "Inventory keeps no stock of product " + unknown.productId()
                                        + ": the catalog has not announced it (yet).");
                    };
        };
    }
}
