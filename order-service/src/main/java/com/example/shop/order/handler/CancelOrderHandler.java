package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.order.config.OrderWiring;
import com.example.shop.order.domain.CancelOrder;
import com.example.shop.order.domain.OrderId;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.Caller;
import com.example.shop.platform.Observability;

import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /orders/{id}/cancel} (customer token): cancels the caller's own order if it has not
 * shipped. The CANCELLED order and its {@code OrderCancelled} event are stored in one write; the
 * stream publishes the event and inventory and payment compensate. Answers 202 with the order;
 * 409 with the current status when it can no longer be cancelled; 404 for a missing or foreign
 * order.
 */
public final class CancelOrderHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CancelOrder cancelOrder;
    private final Observability observability;

    public CancelOrderHandler() {
        this(OrderWiring.fromEnvironment());
    }

    private CancelOrderHandler(OrderWiring wiring) {
        this(wiring.cancelOrder(), wiring.observability());
    }

    CancelOrderHandler(CancelOrder cancelOrder) {
        this(cancelOrder, new Observability(Map.of("POWERTOOLS_SERVICE_NAME", "order")));
    }

    CancelOrderHandler(CancelOrder cancelOrder, Observability observability) {
        this.cancelOrder = cancelOrder;
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
            return ApiResponses.problem(404, "Not Found", "no such order");
        }
        return switch (cancelOrder.cancel(new OrderId(id.get()), caller.get().subject(), "cancelled by customer",
                HttpRequests.requestId(event))) {
            case CancelOrder.Outcome.Cancelled cancelled -> ApiResponses.json(202,
                    OrderViews.OrderView.of(cancelled.order()));
            case CancelOrder.Outcome.NotFound notFound -> ApiResponses.problem(404, "Not Found", "no such order");
            case CancelOrder.Outcome.NotCancellable refused -> ApiResponses.problem(409,
                    "Order can no longer be cancelled", "the order is " + refused.status(),
                    Map.of("currentStatus", refused.status().name()));
        };
    }
}
