package com.example.shop.platform;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * How many AWS API calls were made in this JVM, by caller (a function's name), service and
 * operation: what one order costs in requests, counted where the requests are made.
 *
 * <p>Every client built by {@link AwsClients} adds to the {@linkplain #shared() shared} counts
 * through its {@link RequestCounter}. On Lambda a JVM is one function's execution environment, so
 * the counts only grow in memory (a few entries; nothing is logged or emitted, which would cost
 * log ingestion per call). The local cloud runs every function in one JVM: it takes a
 * {@link #snapshot()} before and after one order and reads the {@linkplain Snapshot#minus
 * difference}.
 */
public final class RequestCounts {

    private static final RequestCounts SHARED = new RequestCounts();

    /**
     * One API of one service, as called by one caller.
     *
     * @param caller    the function that made the call ({@code AWS_LAMBDA_FUNCTION_NAME}), or
     *                  whoever else built the client
     * @param service   the SDK's service name, e.g. {@code DynamoDb}, {@code EventBridge}, {@code Sqs}
     * @param operation the API, e.g. {@code PutItem}
     */
    public record Call(String caller, String service, String operation) {

        /** {@code service:operation}, e.g. {@code DynamoDb:PutItem}. */
        public String api() {
            return service + ":" + operation;
        }
    }

    /**
     * The counts at one moment, ordered by caller, service and operation.
     *
     * @param calls how often each call was made
     */
    public record Snapshot(Map<Call, Long> calls) {

        private static final Comparator<Call> ORDER = Comparator.comparing(Call::caller)
                .thenComparing(Call::service).thenComparing(Call::operation);

        public Snapshot {
            Map<Call, Long> sorted = new LinkedHashMap<>();
            calls.entrySet().stream().filter(e -> e.getValue() != 0).sorted(Map.Entry.comparingByKey(ORDER))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            calls = java.util.Collections.unmodifiableMap(sorted);
        }

        /** The calls made since {@code earlier}. */
        public Snapshot minus(Snapshot earlier) {
            Map<Call, Long> difference = new LinkedHashMap<>(calls);
            earlier.calls.forEach((call, count) -> difference.merge(call, -count, Long::sum));
            return new Snapshot(difference);
        }

        /** Only the calls of callers that {@code callers} accepts. */
        public Snapshot of(Predicate<String> callers) {
            Map<Call, Long> kept = new LinkedHashMap<>();
            calls.forEach((call, count) -> {
                if (callers.test(call.caller())) {
                    kept.put(call, count);
                }
            });
            return new Snapshot(kept);
        }

        /** Calls by {@code service:operation}, whoever made them, ordered by API. */
        public Map<String, Long> byApi() {
            Map<String, Long> apis = new java.util.TreeMap<>();
            calls.forEach((call, count) -> apis.merge(call.api(), count, Long::sum));
            return apis;
        }

        /** All calls. */
        public long total() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Map<Call, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts of its own, for a test; the clients of {@link AwsClients} count into {@link #shared()}. */
    public RequestCounts() {
    }

    /** The counts every client of this JVM built by {@link AwsClients} adds to. */
    public static RequestCounts shared() {
        return SHARED;
    }

    /** Counts one call. */
    public void add(Call call) {
        counts.computeIfAbsent(call, c -> new LongAdder()).increment();
    }

    /** The counts now. */
    public Snapshot snapshot() {
        Map<Call, Long> now = new LinkedHashMap<>();
        counts.forEach((call, count) -> now.put(call, count.sum()));
        return new Snapshot(now);
    }
}
