package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.order.config.OrderWiring;
import com.example.shop.order.domain.CancelOrder;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.HttpEdge;
import com.example.shop.platform.HttpRequests;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;

import java.util.Map;

/**
 * {@code POST /orders/{id}/cancel} (customer token): cancels the caller's own order while it is
 * PENDING, RESERVED or PAID (decision record 0002). The CANCELLED order and its
 * {@code OrderCancelled} event are stored in one conditional write; the table's stream publishes
 * the event (the outbox) and inventory and payment compensate. Answers 202 with the order; 409 with
 * the current status when it can no longer be cancelled (SHIPPED or any other final status, so a
 * repeated cancel changes nothing); 404 for a missing or foreign order; 503 with
 * {@code Retry-After} when the order kept changing under every attempt (the saga moved it
 * meanwhile): the retry decides again on the order as it then is.
 */
public final class CancelOrderHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CancelOrder cancelOrder;
    private final Observability observability;

    /** Used by Lambda: wires the function from its environment. */
    public CancelOrderHandler() {
        this(OrderWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/cancel-order.json");
    }

    private CancelOrderHandler(OrderWiring wiring) {
        this(wiring.cancelOrder(), wiring.function().observability());
    }

    CancelOrderHandler(CancelOrder cancelOrder, Observability observability) {
        this.cancelOrder = cancelOrder;
        this.observability = observability;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEdge.answer(observability, event, context, request -> OwnOrderRequests.answer(request, (id, customer) ->
                switch (cancelOrder.cancel(id, customer, "cancelled by customer", HttpRequests.requestId(event))) {
                    case CancelOrder.Outcome.Cancelled cancelled -> ApiResponses.json(202,
                            OrderViews.OrderView.of(cancelled.order()));
                    case CancelOrder.Outcome.NotFound notFound -> OwnOrderRequests.notFound();
                    case CancelOrder.Outcome.NotCancellable refused -> ApiResponses.problem(409,
                            "Order can no longer be cancelled", "the order is " + refused.status(),
                            Map.of("currentStatus", refused.status().name()));
                }));
    }
}
