package com.example.shop.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import com.example.shop.events.codec.EventCodec;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * An in-memory EventBridge that records every {@code PutEvents} request and rejects the entries
 * it was told to, the way the real service does: the call succeeds, and the response says per
 * entry, in request order, which ones failed.
 */
final class FakeEventBridge implements EventBridgeClient {

    private final EventCodec codec = new EventCodec();
    private final List<PutEventsRequest> requests = new ArrayList<>();
    private final Map<String, IntFunction<String>> errorCodeByEventId = new HashMap<>();
    private final Map<String, Integer> attemptsByEventId = new HashMap<>();
    private int acceptedCount;

    /** Rejects the event's first {@code times} attempts with the error code. */
    FakeEventBridge rejectFirst(String eventId, int times, String errorCode) {
        errorCodeByEventId.put(eventId, attempt -> attempt <= times ? errorCode : null);
        return this;
    }

    /** Rejects every attempt of the event with the error code. */
    FakeEventBridge rejectAlways(String eventId, String errorCode) {
        errorCodeByEventId.put(eventId, attempt -> errorCode);
        return this;
    }

    List<PutEventsRequest> requests() {
        return requests;
    }

    /** The metadata.eventId of every entry of the request, in order. */
    List<String> eventIdsOf(PutEventsRequest request) {
        return request.entries().stream().map(this::eventIdOf).toList();
    }

    int acceptedCount() {
        return acceptedCount;
    }

    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
        requests.add(request);
        List<PutEventsResultEntry> results = new ArrayList<>();
        int failed = 0;
        for (PutEventsRequestEntry entry : request.entries()) {
            String eventId = eventIdOf(entry);
            int attempt = attemptsByEventId.merge(eventId, 1, Integer::sum);
            String errorCode = errorCodeByEventId.getOrDefault(eventId, n -> null).apply(attempt);
            if (errorCode == null) {
                acceptedCount++;
                results.add(PutEventsResultEntry.builder().eventId("eb-" + eventId).build());
            } else {
                failed++;
                results.add(PutEventsResultEntry.builder()
                        .errorCode(errorCode)
                        .errorMessage(errorCode + " for this entry")
                        .build());
            }
        }
        return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    private String eventIdOf(PutEventsRequestEntry entry) {
        return codec.readDetail(entry.detail()).orElseThrow().eventId();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
