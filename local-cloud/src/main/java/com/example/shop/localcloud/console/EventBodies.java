package com.example.shop.localcloud.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.localcloud.runtime.InvocationListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON behind each hop of a journey, as the runtime delivered it: an event's message body
 * (the EventBridge envelope around the shop's event) by the shop event's id, and an HTTP
 * request's route, body and response by its request id. Bounded: the oldest go first.
 */
public final class EventBodies implements InvocationListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int capacity;
    private final EventCodec codec = new EventCodec();
    private final Map<String, JsonNode> byId = new LinkedHashMap<>();

    /** @param capacity how many bodies to keep */
    public EventBodies(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void invoked(Invocation invocation) {
        switch (invocation.event()) {
            case SQSEvent batch -> batch.getRecords().forEach(message -> eventIdOf(message.getBody())
                    .ifPresent(id -> keep(id, parse(message.getBody()))));
            case APIGatewayV2HTTPEvent request -> keep(request.getRequestContext().getRequestId(), request(request,
                    invocation.result()));
            default -> { }
        }
    }

    @Override
    public void deadLettered(String queue, String deadLetterQueue, String body, java.time.Instant at) {
        eventIdOf(body).ifPresent(id -> keep(id, parse(body)));
    }

    /** The body seen under an event id or request id. */
    public synchronized Optional<JsonNode> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private synchronized void keep(String id, JsonNode body) {
        byId.putIfAbsent(id, body);
        while (byId.size() > capacity) {
            byId.remove(byId.keySet().iterator().next());
        }
    }

    private Optional<String> eventIdOf(String body) {
        try {
            return codec.read(body).map(envelope -> envelope.eventId());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static JsonNode request(APIGatewayV2HTTPEvent request, Object result) {
        ObjectNode node = JSON.createObjectNode().put("routeKey", request.getRouteKey());
        node.set("body", parse(request.getBody()));
        if (result instanceof APIGatewayV2HTTPResponse response) {
            node.put("statusCode", response.getStatusCode());
            node.set("response", parse(response.getBody()));
        }
        return node;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (Exception notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
