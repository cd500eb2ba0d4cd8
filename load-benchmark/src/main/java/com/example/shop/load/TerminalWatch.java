package com.example.shop.load;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.localcloud.runtime.InvocationListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sees the moment each order reaches a terminal status without asking the system anything: it
 * listens to the local runtime's invocations of {@code UpdateOrderStatusFunction}, the one
 * function that writes an order's status, and records an order as terminal once that function has
 * handled (without failing the message) the event that ends it. Asking {@code GET /orders/{id}}
 * in a loop instead would add its own load to the emulator being measured; the run checks every
 * order's final status through the API once, after the measured window.
 */
final class TerminalWatch implements InvocationListener {

    static final String STATUS_FUNCTION = "UpdateOrderStatusFunction";

    /** The events after which the order's status no longer moves, and that status. */
    static final Map<String, String> TERMINAL_EVENTS = Map.of(
            "ShipmentScheduled", "SHIPPED",
            "StockUnavailable", "REJECTED",
            "PaymentDeclined", "PAYMENT_FAILED",
            "PaymentFailed", "PAYMENT_FAILED",
            "ShipmentFailed", "SHIPMENT_FAILED");

    /** When and how an order ended. */
    record Ending(String status, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Ending> endings = new ConcurrentHashMap<>();

    @Override
    public void invoked(Invocation invocation) {
        if (!STATUS_FUNCTION.equals(invocation.function()) || invocation.outcome() == Outcome.FAILED
                || !(invocation.event() instanceof SQSEvent event)) {
            return;
        }
        Set<String> failed = invocation.result() instanceof SQSBatchResponse response
                ? response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .collect(Collectors.toSet())
                : Set.of();
        Instant at = invocation.startedAt().plus(invocation.duration());
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (failed.contains(message.getMessageId())) {
                continue;
            }
            try {
                JsonNode body = JSON.readTree(message.getBody());
                String status = TERMINAL_EVENTS.get(body.path("detail-type").asText());
                String orderId = body.path("detail").path("data").path("orderId").asText();
                if (status != null && !orderId.isEmpty()) {
                    ended(orderId, status, at);
                }
            } catch (Exception unreadable) {
                // not an event this watch understands: the final check through the API still sees the order
            }
        }
    }

    /** Records an ending seen elsewhere (a cancel the API accepted); the first ending counts. */
    void ended(String orderId, String status, Instant at) {
        endings.putIfAbsent(orderId, new Ending(status, at));
    }

    Ending ending(String orderId) {
        return endings.get(orderId);
    }
}
