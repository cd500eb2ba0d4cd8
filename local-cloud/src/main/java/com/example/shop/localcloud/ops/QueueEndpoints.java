package com.example.shop.localcloud.ops;

import com.example.shop.localcloud.http.LocalHttpApi;
import com.example.shop.localcloud.http.LocalResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The queues and the runbook's redrive on the local HTTP API:
 * <ul>
 *   <li>{@code GET /_local/queues} → 200 {@code {"queues":[{"name":…,"url":…,"visible":n,"inFlight":n,
 *       "dlq":{"name":…,"visible":n}}]}} ({@code "dlq":null} for a queue without one);</li>
 *   <li>{@code POST /_local/queues/{name}/redrive}, {@code name} a DLQ or a queue with one, by name or
 *       logical id → 200 {@code {"deadLetterQueue":…,"destinations":[…],"moved":n,"how":"LOCAL_MOVE"}}
 *       once moved here, or 202 with the {@code taskHandle} when the emulator started a move task;
 *       404 problem+json for an unknown queue, 400 for one that has nothing to redrive.</li>
 * </ul>
 *
 * @param deadLetters the operation behind them
 */
public record QueueEndpoints(DeadLetters deadLetters) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Serves both endpoints on {@code api}. */
    public void register(LocalHttpApi api) {
        api.registerLocalEndpoint("GET", "/_local/queues", request -> {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode queues = answer.putArray("queues");
            for (DeadLetters.Queue queue : deadLetters.queues()) {
                ObjectNode node = queues.addObject().put("name", queue.name()).put("url", queue.url())
                        .put("visible", queue.visible()).put("inFlight", queue.inFlight());
                queue.dlq().ifPresentOrElse(
                        dlq -> node.putObject("dlq").put("name", dlq.name()).put("visible", dlq.visible()),
                        () -> node.putNull("dlq"));
            }
            return LocalResponse.json(200, answer.toString());
        });
        api.registerLocalEndpoint("POST", "/_local/queues/{name}/redrive", request -> {
            String name = request.pathParameters().get("name");
            DeadLetters.Redriven redriven;
            try {
                redriven = deadLetters.redrive(name);
            } catch (DeadLetters.NotRedrivable e) {
                return e.noSuchQueue()
                        ? LocalResponse.problem(404, "Not Found", e.getMessage())
                        : LocalResponse.problem(400, "Bad Request", e.getMessage());
            }
            ObjectNode answer = JSON.createObjectNode().put("deadLetterQueue", redriven.deadLetterQueue());
            redriven.destinations().forEach(answer.putArray("destinations")::add);
            answer.put("moved", redriven.moved()).put("how", redriven.how().name());
            redriven.taskHandle().ifPresent(handle -> answer.put("taskHandle", handle));
            return LocalResponse.json(redriven.how() == DeadLetters.How.MESSAGE_MOVE_TASK ? 202 : 200, answer.toString());
        });
    }
}
