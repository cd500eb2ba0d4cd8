package com.example.shop.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublishException;
import com.example.shop.events.EventPublishException.FailedEvent;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.codec.EventCodec;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes events to an Amazon EventBridge bus with {@code PutEvents}, and makes sure every
 * single one was accepted.
 *
 * <p>{@code PutEvents} can succeed as a call while rejecting some of its entries: the response's
 * {@code FailedEntryCount} and per-entry {@code ErrorCode} (positional, one result per entry
 * sent) are the only signal. This publisher therefore checks every result, resends only the
 * rejected entries with exponential backoff and jitter, does not resend entries whose error is
 * documented as permanent (malformed detail, missing permission), and finally throws
 * {@link EventPublishException} naming each event that was still not accepted.
 *
 * <p>Each entry carries {@code Source} = {@code metadata.source}, {@code DetailType} =
 * {@code metadata.eventType}, {@code Detail} = the codec's JSON, {@code Time} =
 * {@code metadata.occurredAt}, and the X-Ray trace header when one is supplied. Requests hold at
 * most {@value #MAX_ENTRIES_PER_REQUEST} entries and {@value #MAX_REQUEST_BYTES} bytes, counted
 * the way EventBridge counts entry size; an event too large for any request is refused before
 * anything is sent.
 */
public final class EventBridgePublisher implements EventPublisher {

    /** The most entries one {@code PutEvents} request may carry. */
    public static final int MAX_ENTRIES_PER_REQUEST = 10;

    /** The most bytes (256 KB) one entry, and one request, may add up to. */
    public static final int MAX_REQUEST_BYTES = 262_144;

    /** What a {@code Time} parameter adds to an entry's size. */
    private static final int TIME_BYTES = 14;

    /** The per-entry error codes that EventBridge documents as not worth retrying. */
    private static final Set<String> PERMANENT_ERRORS = Set.of(
            "AccessDeniedException",
            "InvalidAccountIdException",
            "InvalidArgument",
            "MalformedDetail",
            "RedactionFailure",
            "NotAuthorizedForSourceException",
            "NotAuthorizedForDetailTypeException");

    private final EventBridgeClient client;
    private final String busName;
    private final EventCodec codec;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Supplier<String> traceHeader;

    /**
     * A publisher without trace propagation.
     *
     * @param client the EventBridge client, built once at init
     * @param busName the name or ARN of the event bus
     * @param codec turns envelopes into the {@code Detail} JSON
     * @param retryPolicy how often and how patiently rejected entries are resent
     * @param sleeper waits between attempts
     */
    public EventBridgePublisher(
            EventBridgeClient client, String busName, EventCodec codec, RetryPolicy retryPolicy, Sleeper sleeper) {
        this(client, busName, codec, retryPolicy, sleeper, () -> null);
    }

    /**
     * A publisher that stamps every entry with the caller's X-Ray trace header, so that the trace
     * continues through the bus to the consumers.
     *
     * @param traceHeader supplies the current {@code X-Amzn-Trace-Id} value at publish time, or
     *        {@code null} when there is none
     */
    public EventBridgePublisher(
            EventBridgeClient client,
            String busName,
            EventCodec codec,
            RetryPolicy retryPolicy,
            Sleeper sleeper,
            Supplier<String> traceHeader) {
        this.client = require(client, "client");
        this.busName = require(busName, "busName");
        if (busName.isBlank()) {
            throw new IllegalArgumentException("busName must not be blank");
        }
        this.codec = require(codec, "codec");
        this.retryPolicy = require(retryPolicy, "retryPolicy");
        this.sleeper = require(sleeper, "sleeper");
        this.traceHeader = require(traceHeader, "traceHeader");
    }

    /**
     * Publishes the events in order, in as few requests as the limits allow.
     *
     * @throws IllegalArgumentException when any event is too large for EventBridge; nothing is sent
     * @throws EventPublishException naming the events that were still rejected after retrying
     */
    @Override
    public void publish(List<? extends EventEnvelope<?>> events) {
        require(events, "events");
        if (events.isEmpty()) {
            return;
        }
        String trace = traceHeader.get();
        List<Entry> entries = events.stream().map(event -> toEntry(event, trace)).toList();
        List<FailedEvent> failures = new ArrayList<>();
        for (List<Entry> batch : batches(entries)) {
            if (Thread.currentThread().isInterrupted()) {
                batch.forEach(entry -> failures.add(entry.failed("Interrupted", "publishing was interrupted")));
            } else {
                failures.addAll(sendWithRetries(batch));
            }
        }
        if (!failures.isEmpty()) {
            throw new EventPublishException("event bus " + busName, entries.size(), failures);
        }
    }

    /** An entry as sent, with what is needed to report on it. */
    private record Entry(String eventId, String eventType, PutEventsRequestEntry request, int sizeBytes) {

        FailedEvent failed(String errorCode, String errorMessage) {
            return new FailedEvent(eventId, eventType, errorCode, errorMessage);
        }
    }

    /** An entry the bus did not accept in one attempt. */
    private record Rejection(Entry entry, String errorCode, String errorMessage) {

        boolean permanent() {
            return PERMANENT_ERRORS.contains(errorCode);
        }

        FailedEvent failed() {
            return entry.failed(errorCode, errorMessage);
        }
    }

    private Entry toEntry(EventEnvelope<?> event, String trace) {
        require(event, "event");
        PutEventsRequestEntry.Builder request = PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(event.metadata().source())
                .detailType(event.metadata().eventType())
                .detail(codec.toDetail(event))
                .time(event.metadata().occurredAt());
        if (trace != null && !trace.isBlank()) {
            request.traceHeader(trace);
        }
        PutEventsRequestEntry built = request.build();
        int size = sizeOf(built);
        if (size > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException(event.metadata().eventType() + " " + event.eventId() + " is "
                    + size + " bytes, more than the " + MAX_REQUEST_BYTES + " bytes EventBridge accepts per "
                    + "entry; no event of this call was published");
        }
        return new Entry(event.eventId(), event.metadata().eventType(), built, size);
    }

    /** The entry size as EventBridge calculates it (PutEvents entry size, EventBridge User Guide). */
    static int sizeOf(PutEventsRequestEntry entry) {
        int size = entry.time() == null ? 0 : TIME_BYTES;
        size += utf8Length(entry.source());
        size += utf8Length(entry.detailType());
        size += utf8Length(entry.detail());
        for (String resource : entry.resources()) {
            size += utf8Length(resource);
        }
        return size;
    }

    private static int utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static List<List<Entry>> batches(List<Entry> entries) {
        List<List<Entry>> batches = new ArrayList<>();
        List<Entry> current = new ArrayList<>();
        int currentBytes = 0;
        for (Entry entry : entries) {
            boolean full = current.size() == MAX_ENTRIES_PER_REQUEST
                    || currentBytes + entry.sizeBytes() > MAX_REQUEST_BYTES;
            if (full) {
                batches.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(entry);
            currentBytes += entry.sizeBytes();
        }
        batches.add(current);
        return batches;
    }

    private List<FailedEvent> sendWithRetries(List<Entry> batch) {
        List<FailedEvent> failures = new ArrayList<>();
        List<Entry> pending = batch;
        for (int attempt = 1; ; attempt++) {
            List<Rejection> retryable = new ArrayList<>();
            for (Rejection rejection : send(pending)) {
                if (rejection.permanent()) {
                    failures.add(rejection.failed());
                } else {
                    retryable.add(rejection);
                }
            }
            if (retryable.isEmpty()) {
                return failures;
            }
            if (attempt >= retryPolicy.maxAttempts()) {
                retryable.forEach(rejection -> failures.add(rejection.failed()));
                return failures;
            }
            try {
                sleeper.sleep(retryPolicy.delayBeforeRetry(attempt, ThreadLocalRandom.current().nextDouble()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                retryable.forEach(rejection -> failures.add(rejection.failed()));
                return failures;
            }
            pending = retryable.stream().map(Rejection::entry).toList();
        }
    }

    /** Sends one request and returns the entries it rejected. */
    private List<Rejection> send(List<Entry> entries) {
        PutEventsResponse response = client.putEvents(PutEventsRequest.builder()
                .entries(entries.stream().map(Entry::request).toList())
                .build());
        List<PutEventsResultEntry> results = response.entries();
        Integer failedCount = response.failedEntryCount();
        if ((failedCount == null || failedCount == 0) && results.size() == entries.size()
                && results.stream().allMatch(result -> result.errorCode() == null)) {
            return List.of();
        }
        // Results are positional: result i belongs to entry i of the request.
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
            if (result == null) {
                rejections.add(new Rejection(
                        entries.get(i), "MissingResultEntry", "the response had no result for it"));
            } else if (result.errorCode() != null) {
                rejections.add(new Rejection(entries.get(i), result.errorCode(), result.errorMessage()));
            } else if (result.eventId() == null) {
                rejections.add(new Rejection(entries.get(i), "MissingEventId", "the bus assigned it no event id"));
            }
        }
        return rejections;
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
