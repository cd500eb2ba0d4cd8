package com.example.shop.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

/**
 * One measured run: orders arrive at a fixed rate for a fixed time (open loop: each arrival is
 * sent at its own scheduled moment, whether or not earlier orders have finished, and its latency
 * is counted from that moment, so a slow system cannot hide its queueing), then the run waits a
 * grace period for the stragglers, then reads every accepted order's final status through the API.
 */
final class LoadRun {

    static final Set<String> TERMINAL = Set.of("SHIPPED", "REJECTED", "PAYMENT_FAILED", "CANCELLED", "SHIPMENT_FAILED");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_LATENCY_MS = TimeUnit.MINUTES.toMillis(10);

    /** Where the run sends its orders, as whom, and which products it orders. */
    record Target(URI api, String customerBearer, String inStockProduct, String soldOutProduct) {
    }

    /** One order of the run. */
    static final class Placed {
        final long n;
        final OrderMix.Kind kind;
        final Instant scheduledAt;
        volatile int httpStatus;
        volatile String orderId;
        volatile String finalStatus;

        Placed(long n, OrderMix.Kind kind, Instant scheduledAt) {
            this.n = n;
            this.kind = kind;
            this.scheduledAt = scheduledAt;
        }

        boolean accepted() {
            return httpStatus == 202 && orderId != null;
        }
    }

    /** A point of the latency chart: when the order was placed (s into the run) and how long it took. */
    record Point(double placedSecond, long latencyMs, OrderMix.Kind kind) {
    }

    /** What one run measured. */
    record Result(double rate, Duration duration, long offered, long accepted, long refused, long terminal, long lost,
                  Map<OrderMix.Kind, Long> offeredByKind, Map<String, Long> endedBy, Histogram latencyMs,
                  double sustainedPerSecond, double emulatorCpuSeconds, double jvmCpuSeconds, long emulatorRssKbBefore,
                  long emulatorRssKbAfter, List<Point> points, List<String> lostOrders) {

        long p(double percentile) {
            return latencyMs.getTotalCount() == 0 ? -1 : latencyMs.getValueAtPercentile(percentile);
        }

        double emulatorCpuSecondsPerOrder() {
            return accepted == 0 ? 0 : emulatorCpuSeconds / accepted;
        }
    }

    private final Target target;
    private final TerminalWatch watch;
    private final OrderMix mix;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LoadRun(Target target, TerminalWatch watch, OrderMix mix) {
        this.target = target;
        this.watch = watch;
        this.mix = mix;
    }

    Result run(double rate, Duration duration, Duration grace, Consumer<String> progress) throws InterruptedException {
        long count = Math.round(rate * duration.toMillis() / 1000.0);
        long periodNanos = Math.round(1e9 / rate);
        List<Placed> orders = new ArrayList<>();
        ConcurrentLinkedQueue<Placed> sent = new ConcurrentLinkedQueue<>();
        AtomicLong index = new AtomicLong();
        ProcessStats emulatorBefore = ProcessStats.emulator();
        ProcessStats jvmBefore = ProcessStats.localCloudJvm();
        Instant start = Instant.now().plusMillis(200);
        long startNanos = System.nanoTime() + 200_000_000L;

        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
             ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor()) {
            clock.scheduleAtFixedRate(() -> {
                long n = index.getAndIncrement();
                if (n >= count) {
                    return;
                }
                Placed order = new Placed(n, mix.kindOf(n), start.plusNanos(n * periodNanos));
                sent.add(order);
                senders.submit(() -> place(order));
            }, startNanos - System.nanoTime(), periodNanos, TimeUnit.NANOSECONDS);

            long lastReport = 0;
            while (index.get() < count) {
                Thread.sleep(100);
                long second = (System.nanoTime() - startNanos) / 1_000_000_000L;
                if (second > lastReport) {
                    lastReport = second;
                    progress.accept(progressLine(second, sent, emulatorBefore, second));
                }
            }
            clock.shutdown();
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
        }
        orders.addAll(sent);

        long graceEnd = System.nanoTime() + grace.toNanos();
        long lastReport = 0;
        while (System.nanoTime() < graceEnd && !allEnded(orders)) {
            Thread.sleep(100);
            long second = (System.nanoTime() - startNanos) / 1_000_000_000L;
            if (second > lastReport) {
                lastReport = second;
                progress.accept(progressLine(second, orders, emulatorBefore, second) + " (draining)");
            }
        }
        ProcessStats emulatorAfter = ProcessStats.emulator();
        ProcessStats jvmAfter = ProcessStats.localCloudJvm();

        // the truth, once, after the measured window: every accepted order's status through the API
        for (Placed order : orders) {
            if (order.accepted()) {
                order.finalStatus = status(order.orderId);
            }
        }
        return result(rate, duration, orders, start, emulatorBefore, emulatorAfter, jvmBefore, jvmAfter);
    }

    private boolean allEnded(List<Placed> orders) {
        return orders.stream().filter(Placed::accepted).allMatch(o -> watch.ending(o.orderId) != null);
    }

    private String progressLine(long second, Iterable<Placed> orders, ProcessStats emulatorBefore, long elapsed) {
        long offered = 0;
        long accepted = 0;
        long ended = 0;
        for (Placed o : orders) {
            offered++;
            if (o.accepted()) {
                accepted++;
                if (watch.ending(o.orderId) != null) {
                    ended++;
                }
            }
        }
        double cpu = elapsed <= 0 ? 0 : 100 * ProcessStats.emulator().cpuSecondsSince(emulatorBefore) / elapsed;
        return String.format("[load] %3d s  offered %4d  accepted %4d  terminal %4d  in flight %3d  | emulator CPU %3.0f %% of a core",
                second, offered, accepted, ended, accepted - ended, cpu);
    }

    private void place(Placed order) {
        String product = order.kind == OrderMix.Kind.OUT_OF_STOCK ? target.soldOutProduct() : target.inStockProduct();
        String body = "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1}],"
                + "\"shippingAddress\":{\"recipientName\":\"Load Tester\",\"line1\":\"1 Harbour Road\","
                + "\"city\":\"Arlington\",\"postalCode\":\"22201\",\"countryCode\":\"US\"},"
                + "\"paymentMethodRef\":\"" + order.kind.paymentMethod + "\"}";
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(target.api().resolve("/orders"))
                    .header("authorization", target.customerBearer()).header("content-type", "application/json")
                    .header("idempotency-key", "load-" + order.scheduledAt.toEpochMilli() + "-" + order.n)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            order.orderId = JSON.readTree(reply.body()).path("orderId").asText(null);
            order.httpStatus = reply.statusCode();
            if (order.kind == OrderMix.Kind.CANCELLED && order.accepted()) {
                HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(
                                target.api().resolve("/orders/" + order.orderId + "/cancel"))
                        .header("authorization", target.customerBearer()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (cancel.statusCode() == 202) {
                    watch.ended(order.orderId, "CANCELLED", Instant.now());
                }
            }
        } catch (IOException | InterruptedException e) {
            order.httpStatus = -1;
        }
    }

    private String status(String orderId) {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(target.api().resolve("/orders/" + orderId))
                    .header("authorization", target.customerBearer()).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(reply.body());
            return body.path("status").asText("HTTP " + reply.statusCode());
        } catch (IOException | InterruptedException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private Result result(double rate, Duration duration, List<Placed> orders, Instant start, ProcessStats emulatorBefore,
                          ProcessStats emulatorAfter, ProcessStats jvmBefore, ProcessStats jvmAfter) {
        Histogram latency = new Histogram(MAX_LATENCY_MS, 3);
        Map<OrderMix.Kind, Long> offeredByKind = new EnumMap<>(OrderMix.Kind.class);
        Map<String, Long> endedBy = new java.util.TreeMap<>();
        List<Point> points = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        long accepted = 0;
        long refused = 0;
        long terminal = 0;
        Instant lastEnding = start;
        for (Placed o : orders) {
            offeredByKind.merge(o.kind, 1L, Long::sum);
            if (!o.accepted()) {
                refused++;
                continue;
            }
            accepted++;
            TerminalWatch.Ending ending = watch.ending(o.orderId);
            if (TERMINAL.contains(o.finalStatus)) {
                terminal++;
                endedBy.merge(o.finalStatus, 1L, Long::sum);
            } else {
                lost.add(o.orderId + " (" + o.kind + ", status " + o.finalStatus + ")");
            }
            if (ending != null) {
                long ms = Math.max(0, Duration.between(o.scheduledAt, ending.at()).toMillis());
                latency.recordValue(Math.min(ms, MAX_LATENCY_MS));
                points.add(new Point(Duration.between(start, o.scheduledAt).toMillis() / 1000.0, ms, o.kind));
                if (ending.at().isAfter(lastEnding)) {
                    lastEnding = ending.at();
                }
            }
        }
        double span = Math.max(1e-3, Duration.between(start, lastEnding).toMillis() / 1000.0);
        return new Result(rate, duration, orders.size(), accepted, refused, terminal, lost.size(), offeredByKind, endedBy,
                latency, terminal / span, emulatorAfter.cpuSecondsSince(emulatorBefore), jvmAfter.cpuSecondsSince(jvmBefore),
                emulatorBefore.rssKb(), emulatorAfter.rssKb(), points, lost);
    }
}
