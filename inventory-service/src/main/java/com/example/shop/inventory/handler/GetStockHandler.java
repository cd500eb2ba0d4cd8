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
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;

/**
 * Shows a product's stock: {@code GET /inventory/{productId}}.
 *
 * <p>Trigger: the HTTP API route (JWT authorizer; the caller must be in the {@code admin} group,
 * else 403). Effect: a consistent read of the product's stock item, answered as
 * {@code {"productId", "available", "reserved"}}, or a 404 problem when inventory keeps no stock of
 * the product. Failure: a DynamoDB error propagates and the API answers 500; reading is safe to
 * retry. It changes nothing and announces nothing.
 */
public final class GetStockHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final StockAdministration administration;
    private final Observability observability;

    /** Used by Lambda: wires the function from its environment. */
    public GetStockHandler() {
        this(InventoryWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/get-stock.json");
    }

    private GetStockHandler(InventoryWiring wiring) {
        this(wiring.stockAdministration(), wiring.function().observability());
    }

    GetStockHandler(StockAdministration administration, Observability observability) {
        this.administration = administration;
        this.observability = observability;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return HttpEdge.answer(observability, request, context, r -> AdminRequests.forProduct(r, this::show));
    }

    private APIGatewayV2HTTPResponse show(ProductId productId) {
        return administration.stockOf(productId)
                .map(level -> ApiResponses.json(200, StockView.of(level)))
                .orElseGet(() -> ApiResponses.problem(404, "Not found",
                        "Inventory keeps no stock of product " + productId + "."));
    }
}
