package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.order.config.OrderWiring;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderRepository;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.Caller;
import com.example.shop.platform.Observability;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /orders/{id}} (customer token): the caller's own order with its status and status
 * history. Another customer's order answers 404, exactly like a missing one, so order ids cannot
 * be probed.
 */
public final class GetOrderHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final OrderRepository orders;
    private final Observability observability;

    public GetOrderHandler() {
        this(OrderWiring.fromEnvironment());
    }

    private GetOrderHandler(OrderWiring wiring) {
        this(wiring.orders(), wiring.observability());
    }

    GetOrderHandler(OrderRepository orders) {
        this(orders, new Observability(Map.of("POWERTOOLS_SERVICE_NAME", "order")));
    }

    GetOrderHandler(OrderRepository orders, Observability observability) {
        this.orders = orders;
        this.observability = observability;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return observability.handle(context, () -> respond(event));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        Observability.correlate(HttpRequests.correlationId(event));
        Optional<Caller> caller = Caller.of(event);
        Optional<String> id = HttpRequests.pathParameter(event, "id").filter(OrderId::isWellFormed);
        if (caller.isEmpty() || id.isEmpty()) {
            return notFound();
        }
        return orders.find(new OrderId(id.get()))
                .filter(order -> order.belongsTo(caller.get().subject()))
                .map(order -> ApiResponses.json(200, OrderViews.OrderView.of(order)))
                .orElseGet(GetOrderHandler::notFound);
    }

    private static APIGatewayV2HTTPResponse notFound() {
        return ApiResponses.problem(404, "Not Found", "no such order");
    }
}
