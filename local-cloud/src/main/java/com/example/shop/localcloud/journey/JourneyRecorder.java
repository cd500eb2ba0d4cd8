package com.example.shop.localcloud.journey;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderScoped;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.localcloud.runtime.InvocationListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Records every invocation and dead-lettering of the local runtime as {@link Hop}s: an HTTP
 * request with its correlation id (the {@code X-Correlation-Id} it carried, else the request id,
 * as the order service decides), and each event a queue delivered with the envelope's ids.
 */
public final class JourneyRecorder implements InvocationListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACE_ORDER = "POST /orders";

    private final EventCodec codec = new EventCodec();
    private final List<Hop> hops = new CopyOnWriteArrayList<>();

    @Override
    public void invoked(Invocation invocation) {
        switch (invocation.event()) {
            case APIGatewayV2HTTPEvent request -> recordRequest(invocation, request);
            case SQSEvent batch -> recordDeliveries(invocation, batch);
            default -> { }
        }
    }

    @Override
    public void deadLettered(String queue, String deadLetterQueue, String body, Instant at) {
        decode(body).ifPresent(envelope -> hops.add(new Hop(at, Hop.Kind.DEAD_LETTERED, deadLetterQueue,
                envelope.metadata().eventType(), envelope.eventId(), envelope.metadata().causationId(),
                envelope.correlationId(), orderOf(envelope), null, "from " + queue)));
    }

    /** Everything recorded so far, in arrival order. */
    public List<Hop> hops() {
        return List.copyOf(hops);
    }

    /**
     * Correlation ids the recorded hops associate with the order: those its events carry and the
     * one its placing request started. Later requests about the order (a GET, a cancel) are part
     * of its story but start no journey of their own.
     */
    public Set<String> correlationIdsOf(String orderId) {
        return hops.stream().filter(h -> orderId.equals(h.orderId()))
                .filter(h -> h.kind() != Hop.Kind.REQUEST || PLACE_ORDER.equals(h.eventType()))
                .map(Hop::correlationId).collect(Collectors.toSet());
    }

    private void recordRequest(Invocation invocation, APIGatewayV2HTTPEvent request) {
        Map<String, String> headers = request.getHeaders() == null ? Map.of() : request.getHeaders();
        String requestId = request.getRequestContext().getRequestId();
        String correlationId = headers.getOrDefault("x-correlation-id", requestId);
        String orderId = request.getPathParameters() == null ? null : request.getPathParameters().get("id");
        if (orderId == null && invocation.result() instanceof APIGatewayV2HTTPResponse response) {
            orderId = orderIdIn(response.getBody());
        }
        hops.add(new Hop(invocation.startedAt(), Hop.Kind.REQUEST, invocation.function(), request.getRouteKey(),
                requestId, null, correlationId, orderId, invocation.duration(), status(invocation)));
    }

    private void recordDeliveries(Invocation invocation, SQSEvent batch) {
        Set<String> failed = failedMessages(invocation, batch);
        for (SQSEvent.SQSMessage message : batch.getRecords()) {
            decode(message.getBody()).ifPresent(envelope -> hops.add(new Hop(invocation.startedAt(), Hop.Kind.HANDLED,
                    invocation.function(), envelope.metadata().eventType(), envelope.eventId(),
                    envelope.metadata().causationId(), envelope.correlationId(), orderOf(envelope),
                    invocation.duration(), failed.contains(message.getMessageId()) ? "FAILED" : "SUCCEEDED")));
        }
    }

    private static Set<String> failedMessages(Invocation invocation, SQSEvent batch) {
        if (invocation.outcome() == Outcome.FAILED) {
            return batch.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).collect(Collectors.toSet());
        }
        if (invocation.result() instanceof SQSBatchResponse response && response.getBatchItemFailures() != null) {
            return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .collect(Collectors.toSet());
        }
        return Set.of();
    }

    private Optional<EventEnvelope<DomainEvent>> decode(String body) {
        try {
            return codec.read(body);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    static String orderOf(EventEnvelope<?> envelope) {
        return envelope.data() instanceof OrderScoped scoped ? scoped.orderId() : null;
    }

    private static String status(Invocation invocation) {
        if (invocation.result() instanceof APIGatewayV2HTTPResponse response) {
            return Integer.toString(response.getStatusCode());
        }
        return invocation.outcome().name();
    }

    private static String orderIdIn(String body) {
        if (body == null || !body.contains("orderId")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node.hasNonNull("orderId") ? node.get("orderId").asText() : null;
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    /** The hops of one order's journey, plus every request about the order, oldest first. */
    List<Hop> hopsOf(Set<String> correlationIds, String orderId) {
        List<Hop> mine = new ArrayList<>();
        for (Hop hop : hops) {
            if (correlationIds.contains(hop.correlationId())
                    || (hop.kind() == Hop.Kind.REQUEST && orderId.equals(hop.orderId()))) {
                mine.add(hop);
            }
        }
        return mine;
    }
}
