package com.example.shop.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Function;

/**
 * The edge of every HTTP function: the one place where a request enters a handler and an answer
 * leaves it. Each HTTP handler's {@code handleRequest} is {@code HttpEdge.answer(...)} around its
 * route.
 *
 * <p>It runs the route inside the function's {@link Observability} with the request's correlation
 * id on every log line, and it is the catch-all: an exception the route did not expect (a bug, an
 * exhausted SDK retry) is logged once at ERROR with its stack trace and answered as a problem+json
 * 500 that carries the correlation id, so the client can quote it and an operator can find the log
 * line, and that shows nothing of the exception. Expected outcomes (400, 404, 409, 503 …) are
 * answered by the route itself; an HTTP request is not retried by the platform, so swallowing the
 * exception here loses nothing (the client decides whether to send it again).
 */
public final class HttpEdge {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEdge.class);

    private HttpEdge() {
    }

    /**
     * What {@code route} answers to {@code event}, or a problem+json 500 carrying the correlation
     * id when it throws.
     */
    public static APIGatewayV2HTTPResponse answer(Observability observability, APIGatewayV2HTTPEvent event,
                                                  Context context,
                                                  Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> route) {
        return observability.handle(context, () -> {
            String correlationId = HttpRequests.correlationId(event);
            Observability.correlate(correlationId);
            try {
                return route.apply(event);
            } catch (RuntimeException | StackOverflowError unexpected) {
                LOG.error("Answering 500 to {}: the request failed unexpectedly", event.getRouteKey(), unexpected);
                return internalError(correlationId);
            }
        });
    }

    /** The 500 problem of an unexpected failure: the correlation id to quote, nothing of the cause. */
    static APIGatewayV2HTTPResponse internalError(String correlationId) {
        return ApiResponses.problem(500, "Internal Server Error",
                "the request could not be handled; quote the correlation id when reporting it",
                Map.of("correlationId", correlationId));
    }
}
