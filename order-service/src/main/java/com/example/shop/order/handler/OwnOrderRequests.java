package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.order.domain.OrderChangedConcurrentlyException;
import com.example.shop.order.domain.OrderId;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.Caller;
import com.example.shop.platform.HttpRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The one path of every request about one of the caller's own orders ({@code /orders/{id}...}),
 * inside the {@link com.example.shop.platform.HttpEdge}: without a verified caller or with a
 * path id that is no order id the answer is 404, the same 404 as for a missing or foreign order,
 * so order ids cannot be probed.
 */
final class OwnOrderRequests {

    private static final Logger LOG = LoggerFactory.getLogger(OwnOrderRequests.class);

    private OwnOrderRequests() {
    }

    /**
     * Runs {@code action} with the order id from the path and the verified caller's subject.
     * An order that kept changing under the action answers 503 with {@code Retry-After}: the
     * conflict passes, and the client's retry decides again on the order as it then is.
     */
    static APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event,
                                           BiFunction<OrderId, String, APIGatewayV2HTTPResponse> action) {
        Optional<Caller> caller = Caller.of(event);
        Optional<String> id = HttpRequests.pathParameter(event, "id").filter(OrderId::isWellFormed);
        if (caller.isEmpty() || id.isEmpty()) {
            return notFound();
        }
        try {
            return action.apply(new OrderId(id.get()), caller.get().subject());
        } catch (OrderChangedConcurrentlyException e) {
            LOG.warn("Answering 503: {}", e.getMessage());
            return changedConcurrently();
        }
    }

    static APIGatewayV2HTTPResponse notFound() {
        return ApiResponses.problem(404, "Not Found", "no such order");
    }

    private static APIGatewayV2HTTPResponse changedConcurrently() {
        return ApiResponses.changedConcurrently("the order");
    }
}
