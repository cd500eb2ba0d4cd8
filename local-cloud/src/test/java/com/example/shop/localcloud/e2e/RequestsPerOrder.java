package com.example.shop.localcloud.e2e;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.example.shop.localcloud.runtime.PlatformRequests;
import com.example.shop.platform.RequestCounts;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.runtime.LambdaRuntime;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Counts the AWS requests of one order on one {@link SagaPath}: what the functions call (held to
 * the budget) apart from what the platform does for them (the pollers and the HTTP API;
 * reported). The local cloud runs every function in this JVM, so the shared
 * {@link RequestCounts} see every call; one order at a time, from a settled system to a settled
 * system ({@link LambdaRuntime#isSettled()}: nothing running, queued or unread), makes the
 * difference that order's alone. Waiting for the order's outcome reads tables with the tests' own
 * clients, which are not a function's and are left out.
 */
final class RequestsPerOrder {

    /**
     * What one order cost.
     *
     * @param path      the saga path it took
     * @param functions the calls its functions made
     * @param platform  the calls the pollers and the HTTP API made for it
     */
    record Measured(SagaPath path, RequestCounts.Snapshot functions, RequestCounts.Snapshot platform,
                    Map<String, Long> invocations, long stdoutBytes, java.util.Set<String> metrics) {
    }

    /** Every function invocation the local runtime makes, by function: what Lambda bills a request for. */
    static final Map<String, AtomicLong> INVOCATIONS = new ConcurrentHashMap<>();

    private RequestsPerOrder() {
    }

    /**
     * The local cloud as the counting needs it: one poller per queue. With several, two events
     * for one order (a refund and a release arriving together) can be handled at once, and the
     * loser of the order's optimistic write reads and writes again: a real cost on AWS, but one
     * that depends on timing, which a budget must not.
     */
    static LocalCloud.Options options(Path root) {
        return LocalCloud.Options.forTemplate(root.resolve("infra/template.yaml"))
                .withRuntime(LambdaRuntime.Options.defaults().withPollersPerQueue(1)
                        .withListener(invocation -> INVOCATIONS.computeIfAbsent(invocation.function(),
                                f -> new AtomicLong()).incrementAndGet()));
    }

    /** Drives one fresh order down {@code path} and counts what it cost, from quiet to quiet. */
    static Measured measure(Shop shop, SagaPath path) {
        SagaPath.Order order = new SagaPath.Order(shop, shop.newProduct(1_000, path.stock()), shop.newCustomer());
        awaitSettled(shop);
        RequestCounts.Snapshot before = RequestCounts.shared().snapshot();
        Map<String, Long> invokedBefore = invocations();
        OutputTally output = OutputTally.install();
        try {
            path.drive(shop, order);
            awaitSettled(shop);
        } finally {
            output.uninstall();
        }
        RequestCounts.Snapshot made = RequestCounts.shared().snapshot().minus(before);
        Map<String, Long> invoked = new TreeMap<>();
        invocations().forEach((function, n) -> {
            long delta = n - invokedBefore.getOrDefault(function, 0L);
            if (delta > 0) {
                invoked.put(function, delta);
            }
        });
        // the tests' and the deployer's own clients count too (as AwsClients.UNNAMED): not the order's cost
        return new Measured(path, made.of(shop.cloud.system().functions()::containsKey),
                made.of(PlatformRequests::isPlatform), invoked, output.bytes(), output.metrics());
    }

    private static Map<String, Long> invocations() {
        Map<String, Long> now = new TreeMap<>();
        INVOCATIONS.forEach((function, n) -> now.put(function, n.get()));
        return now;
    }

    /** Waits until the local cloud has settled: nothing running, nothing left in a queue or stream. */
    private static void awaitSettled(Shop shop) {
        shop.cloud.runtime().awaitSettled(Duration.ofSeconds(60));
    }
}
