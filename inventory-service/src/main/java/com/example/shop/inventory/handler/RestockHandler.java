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
 * atomic update that creates the stock item if it has none; answers 200 with the stock view. It
 * announces nothing. Failure: a DynamoDB error propagates and the API answers 500; the client may
 * retry. A restock is not idempotent (each request adds), so a client should not blindly repeat
 * one that succeeded.
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
        return observability.handle(context, () -> AdminRequests.forProduct(request,
                productId -> restock(productId, HttpRequests.body(request))));
    }

    private APIGatewayV2HTTPResponse restock(ProductId productId, String body) {
        return switch (VALIDATOR.validate(body)) {
            case JsonRequestValidator.Invalid invalid -> ApiResponses.problem(400, "Invalid request",
                    "The restock request breaks its schema.", invalid.violations());
            case JsonRequestValidator.Valid valid -> ApiResponses.json(200, StockView.of(
                    administration.restock(productId, valid.body().get("quantity").intValue())));
        };
    }
}
