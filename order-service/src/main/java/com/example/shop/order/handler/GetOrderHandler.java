package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.order.config.OrderWiring;
import com.example.shop.order.domain.OrderRepository;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.HttpEdge;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;

/**
 * {@code GET /orders/{id}} (customer token): the caller's own order with its status and status
 * history. Another customer's order answers 404, exactly like a missing one, so order ids cannot
 * be probed. Reads only (a consistent read of the order item), so a retry is always safe.
 */
public final class GetOrderHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final OrderRepository orders;
    private final Observability observability;

    /** Used by Lambda: wires the function from its environment. */
    public GetOrderHandler() {
        this(OrderWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/get-order.json");
    }

    private GetOrderHandler(OrderWiring wiring) {
        this(wiring.orders(), wiring.function().observability());
    }

    GetOrderHandler(OrderRepository orders, Observability observability) {
        this.orders = orders;
        this.observability = observability;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEdge.answer(observability, event, context, request -> OwnOrderRequests.answer(request, (id, customer) ->
                orders.find(id)
                        .filter(order -> order.belongsTo(customer))
                        .map(order -> ApiResponses.json(200, OrderViews.OrderView.of(order)))
                        .orElseGet(OwnOrderRequests::notFound)));
    }
}
