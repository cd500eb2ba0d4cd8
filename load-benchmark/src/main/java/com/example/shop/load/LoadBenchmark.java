package com.example.shop.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.example.shop.localcloud.DemoData;
import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.example.shop.localcloud.runtime.LambdaRuntime;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load benchmark: starts the local cloud (the real template on the chosen emulator, the in-JVM
 * runtime, the HTTP API), seeds the demo catalogue, warms up, measures the emulator at rest, then
 * drives orders at a fixed arrival rate for a fixed time ({@link LoadRun}) and reports what
 * happened to every order, placed → terminal percentiles (HdrHistogram), sustained throughput and
 * what the emulator spent. {@code --step} raises the rate run by run to find the highest one whose
 * p99 stays under 2 s with nothing lost. {@code --smoke} is CI's 10-second run: it fails only when
 * an order is lost.
 *
 * <p>A benchmark, not a test: it never fails on a time.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Drives the local cloud with orders at a fixed rate and reports latency, throughput and emulator cost.")
public final class LoadBenchmark implements Callable<Integer> {

    private static final long P99_TARGET_MS = 2_000;

    @Option(names = "--rate", description = "Orders per second (default ${DEFAULT-VALUE}).")
    double rate = 5;

    @Option(names = "--duration", description = "Seconds of arrivals per run (default ${DEFAULT-VALUE}).")
    int durationSeconds = 60;

    @Option(names = "--grace", description = "Seconds to wait after the last arrival for orders to finish (default ${DEFAULT-VALUE}).")
    int graceSeconds = 60;

    @Option(names = "--step", description = "Run at each of --step-rates in turn and report the highest rate with p99 <= 2 s and nothing lost.")
    boolean step;

    @Option(names = "--step-rates", split = ",", description = "The rates of --step (default ${DEFAULT-VALUE}).")
    List<Double> stepRates = List.of(2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0);

    @Option(names = "--smoke", description = "10 s at --rate, nothing written; exit 1 only if an order is lost (what CI runs).")
    boolean smoke;

    @Option(names = "--backend", description = "The emulator backend (local.backend), default: the local cloud's default.")
    String backend;

    @Option(names = "--idle-seconds", description = "Seconds the emulator's CPU is measured at rest before the load (default ${DEFAULT-VALUE}).")
    int idleSeconds = 10;

    @Option(names = "--markdown", description = "The Markdown file whose load section is rewritten (default docs/performance.md).")
    Path markdown;

    @Option(names = "--out-dir", description = "Where the chart and JSON go (default docs/performance).")
    Path outDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (backend != null) {
            System.setProperty("local.backend", backend);
        }
        if (smoke) {
            durationSeconds = 10;
        }
        Path root = PythonEnvironment.locate().root();
        markdown = markdown != null ? markdown : root.resolve("docs/performance.md");
        outDir = outDir != null ? outDir : root.resolve("docs/performance");
        TerminalWatch watch = new TerminalWatch();
        LocalCloud.Options options = LocalCloud.Options.forTemplate(root.resolve("infra/template.yaml"))
                .withRuntime(LambdaRuntime.Options.defaults().withListener(watch));
        long started = System.nanoTime();
        try (LocalCloud cloud = LocalCloud.start(options)) {
            String emulator = cloud.emulator().name();
            log("local cloud up on %s in %d s; seeding the demo catalogue", emulator, (System.nanoTime() - started) / 1_000_000_000L);
            LoadRun.Target target = prepare(cloud, watch);
            ProcessStats restBefore = ProcessStats.emulator();
            Thread.sleep(idleSeconds * 1000L);
            double idlePercent = 100 * ProcessStats.emulator().cpuSecondsSince(restBefore) / idleSeconds;
            log("emulator at rest: %.1f %% of a core over %d s, %d MB resident", idlePercent, idleSeconds,
                    ProcessStats.emulator().rssKb() / 1024);

            LoadRun run = new LoadRun(target, watch, new OrderMix(42));
            List<LoadRun.Result> results = new ArrayList<>();
            for (double r : step ? stepRates : List.of(rate)) {
                log("%.1f orders/s for %d s (%s)", r, durationSeconds, OrderMix.describe());
                LoadRun.Result result = run.run(r, Duration.ofSeconds(durationSeconds), Duration.ofSeconds(graceSeconds),
                        System.out::println);
                results.add(result);
                System.out.println(summaryLine(result));
                if (step && (result.lost() > 0 || result.p(99) > P99_TARGET_MS)) {
                    break;
                }
            }
            LoadReport report = new LoadReport(emulator, Instant.now().truncatedTo(ChronoUnit.SECONDS), idlePercent,
                    idleSeconds, results, step, P99_TARGET_MS);
            System.out.println(report.markdown());
            if (!smoke) {
                report.write(markdown, outDir);
                log("wrote %s and %s", root.relativize(markdown.toAbsolutePath()), root.relativize(outDir.toAbsolutePath()));
            }
            long lost = results.stream().mapToLong(LoadRun.Result::lost).sum();
            if (lost > 0) {
                System.err.println(lost + " order(s) lost: " + results.stream().flatMap(r -> r.lostOrders().stream()).toList());
                return smoke ? 1 : 0;
            }
            return 0;
        }
    }

    /** Seeds the demo catalogue, stocks one product for the whole run and sells the other out, warms up. */
    private LoadRun.Target prepare(LocalCloud cloud, TerminalWatch watch) throws Exception {
        DemoData.Seeded seeded = DemoData.seed(cloud);
        String inStock = productNamed(seeded, "Espresso beans 1 kg");
        String soldOut = productNamed(seeded, "Hand grinder");
        URI api = cloud.apiBase();
        String admin = cloud.identity().issueAdminToken("load-admin").bearer();
        String customer = cloud.identity().issueCustomerToken("load-customer", "load-customer@example.com").bearer();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> restock = http.send(HttpRequest.newBuilder(api.resolve("/inventory/" + inStock + "/restock"))
                .header("authorization", admin).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":100000}")).build(), HttpResponse.BodyHandlers.ofString());
        if (restock.statusCode() / 100 != 2) {
            throw new IllegalStateException("restocking the demo product failed: " + restock.statusCode() + " " + restock.body());
        }
        // the whole stock of the other product in one order: every later order for it is refused
        String drain = placeAndAwait(http, api, customer, soldOut, DemoData.STOCK, watch);
        log("sold out %s (order %s); warming up", soldOut, drain);
        for (int i = 0; i < 5; i++) {
            placeAndAwait(http, api, customer, inStock, 1, watch);
        }
        return new LoadRun.Target(api, customer, inStock, soldOut);
    }

    private static String placeAndAwait(HttpClient http, URI api, String customer, String product, int quantity,
                                        TerminalWatch watch) throws Exception {
        String body = "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":" + quantity + "}],"
                + "\"shippingAddress\":{\"recipientName\":\"Load Tester\",\"line1\":\"1 Harbour Road\","
                + "\"city\":\"Arlington\",\"postalCode\":\"22201\",\"countryCode\":\"US\"},\"paymentMethodRef\":\"pm-card-visa\"}";
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(api.resolve("/orders"))
                .header("authorization", customer).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String orderId = new ObjectMapper().readTree(reply.body()).path("orderId").asText(null);
        if (reply.statusCode() != 202 || orderId == null) {
            throw new IllegalStateException("a warm-up order was refused: " + reply.statusCode() + " " + reply.body());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (watch.ending(orderId) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("warm-up order " + orderId + " did not finish within 60 s");
            }
            Thread.sleep(50);
        }
        return orderId;
    }

    private static String productNamed(DemoData.Seeded seeded, String name) {
        return seeded.products().entrySet().stream().filter(e -> e.getValue().name().equals(name)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalStateException("the demo catalogue has no " + name));
    }

    static String summaryLine(LoadRun.Result r) {
        return String.format(Locale.ROOT, "[load] %.1f/s: offered %d, accepted %d, terminal %d, lost %d | placed → terminal "
                        + "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms | %.2f orders/s sustained | emulator %.3f CPU-s/order",
                r.rate(), r.offered(), r.accepted(), r.terminal(), r.lost(), r.p(50), r.p(90), r.p(99),
                r.latencyMs().getTotalCount() == 0 ? -1 : r.latencyMs().getMaxValue(), r.sustainedPerSecond(),
                r.emulatorCpuSecondsPerOrder());
    }

    static void log(String format, Object... args) {
        System.out.println("[load] " + String.format(Locale.ROOT, format, args));
    }

    static Map<String, Object> json(LoadRun.Result r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ratePerSecond", r.rate());
        row.put("durationSeconds", r.duration().toSeconds());
        row.put("offered", r.offered());
        row.put("accepted", r.accepted());
        row.put("refused", r.refused());
        row.put("terminal", r.terminal());
        row.put("lost", r.lost());
        row.put("offeredByKind", r.offeredByKind());
        row.put("endedBy", r.endedBy());
        row.put("placedToTerminalMs", Map.of("p50", r.p(50), "p90", r.p(90), "p99", r.p(99),
                "max", r.latencyMs().getTotalCount() == 0 ? -1 : r.latencyMs().getMaxValue(),
                "count", r.latencyMs().getTotalCount()));
        row.put("sustainedOrdersPerSecond", r.sustainedPerSecond());
        row.put("emulatorCpuSeconds", r.emulatorCpuSeconds());
        row.put("emulatorCpuSecondsPerOrder", r.emulatorCpuSecondsPerOrder());
        row.put("localCloudJvmCpuSeconds", r.jvmCpuSeconds());
        row.put("emulatorRssKbBefore", r.emulatorRssKbBefore());
        row.put("emulatorRssKbAfter", r.emulatorRssKbAfter());
        row.put("lostOrders", r.lostOrders());
        return row;
    }

    static void writeJson(Path file, Object value) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), value);
    }
}
