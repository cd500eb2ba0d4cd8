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
 *
 * <p>Beside the counts it keeps each distinct {@link Access}: what IAM is asked to allow for the
 * calls (action, resource ARN, condition values) and under whose role. The local cloud writes
 * them out after the end-to-end suite and evaluates every function's policy against them
 * (docs/reliability.md, "Least privilege, proven"). They too are few: one per action, resource
 * and source.
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
     * One thing IAM is asked to allow, as a call of a caller asks it: per item where IAM authorises
     * items on their own (each write of a DynamoDB transaction, each PutEvents entry).
     *
     * @param role     whose execution role the call uses: the calling function, or the function
     *                 an event source mapping polls for ({@link RequestCounter#ON_BEHALF_OF})
     * @param action   the IAM action, e.g. {@code dynamodb:PutItem}, {@code events:PutEvents}
     * @param resource the resource ARN (table, index, stream, queue, bus, topic, identity), or
     *                 {@code *} where the action names none
     * @param context  condition keys the call sets, e.g. {@code events:source} of a PutEvents entry
     */
    public record Access(String role, String action, String resource, Map<String, String> context) {

        public Access {
            java.util.Objects.requireNonNull(role, "role");
            java.util.Objects.requireNonNull(action, "action");
            java.util.Objects.requireNonNull(resource, "resource");
            context = Map.copyOf(context);
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
    private final Map<Access, LongAdder> accesses = new ConcurrentHashMap<>();

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

    /** Records one access that a call asked IAM for. */
    public void add(Access access) {
        accesses.computeIfAbsent(access, a -> new LongAdder()).increment();
    }

    /** Every distinct access so far, with how often it was asked, by role, action and resource. */
    public Map<Access, Long> accesses() {
        Map<Access, Long> now = new java.util.TreeMap<>(Comparator.comparing(Access::role)
                .thenComparing(Access::action).thenComparing(Access::resource)
                .thenComparing(a -> new java.util.TreeMap<>(a.context()).toString()));
        accesses.forEach((access, count) -> now.put(access, count.sum()));
        return java.util.Collections.unmodifiableMap(now);
    }

    /** The counts now. */
    public Snapshot snapshot() {
        Map<Call, Long> now = new LinkedHashMap<>();
        counts.forEach((call, count) -> now.put(call, count.sum()));
        return new Snapshot(now);
    }
}
