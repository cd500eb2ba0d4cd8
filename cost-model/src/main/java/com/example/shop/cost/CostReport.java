package com.example.shop.cost;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code docs/cost.md}: the result, then every input it was computed from. */
record CostReport(Inputs in, Map<String, CostBreakdown> byPath, CostBreakdown mix) {

    /** What would cut each component, for the three largest. */
    private static final Map<CostBreakdown.Component, String> CUTS = Map.ofEntries(
            Map.entry(CostBreakdown.Component.XRAY, "Lambda samples with its own fixed rule (1 request per second "
                    + "plus 5 %; X-Ray sampling rules do not apply to Lambda), which at a million orders a month "
                    + "(0.4 per second) records nearly every order: tracing only where an operator needs it, or "
                    + "an OpenTelemetry SDK with its own sampler, would cut it; it falls per order as volume grows."),
            Map.entry(CostBreakdown.Component.SQS_IDLE_POLLING, "Fewer queues with a Lambda trigger (one queue per "
                    + "consuming service behind one rule with several patterns, instead of one per function), since "
                    + "Lambda's pollers long-poll every such queue all month whether orders come or not."),
            Map.entry(CostBreakdown.Component.SQS_MESSAGES, "Each hop of the saga is a queue between the bus and a "
                    + "function (a send, a receive and a delete). A batching window (MaximumBatchingWindowInSeconds) "
                    + "shares a receive and a delete only when several messages arrive within it, which at 0.4 orders "
                    + "a second they rarely do; EventBridge invoking the functions directly (asynchronous invocation "
                    + "with an on-failure destination) would remove the queues and their requests, and with them "
                    + "the DLQ-and-redrive operations the runbooks build on."),
            Map.entry(CostBreakdown.Component.LAMBDA_DURATION, "Fewer round trips per event (the processed-event "
                    + "marker read and write), or 256 MB for the I/O-bound consumers if their RSS allows."),
            Map.entry(CostBreakdown.Component.LAMBDA_REQUESTS, "Larger batches on the SQS triggers (BatchSize with "
                    + "a batching window) so that one invocation handles several events."),
            Map.entry(CostBreakdown.Component.LAMBDA_INIT, "SnapStart (on for published versions) restores a "
                    + "snapshot instead of running INIT; priming keeps the first invoke short."),
            Map.entry(CostBreakdown.Component.LOGS, "About two fifths are Lambda's own platform records (start and report, "
                    + "about 700 bytes an invocation; SystemLogLevel WARN would drop them, and the dashboard's "
                    + "failure widget with them); the rest is one business line and one metric line per event. The "
                    + "Infrequent Access log class halves the price for the event journal (not for function logs: "
                    + "it does not extract embedded metrics)."),
            Map.entry(CostBreakdown.Component.DYNAMODB_WRITES, "The processed-event marker folded into the state "
                    + "item it guards (a set of handled event ids updated in the same conditional write: one write "
                    + "instead of two; a transaction would bill both items twice), and in the notification service, "
                    + "whose channels already deliver a notification once, no marker at all."),
            Map.entry(CostBreakdown.Component.DYNAMODB_READS, "Eventually consistent reads where a stale answer is "
                    + "harmless (half the units)."),
            Map.entry(CostBreakdown.Component.EVENTBRIDGE, "Fewer facts per order: each published fact is one event."),
            Map.entry(CostBreakdown.Component.METRICS, "Fewer dimension combinations: each one is a metric billed "
                    + "every month."),
            Map.entry(CostBreakdown.Component.HTTP_API, "Nothing to gain: one request per order is the floor."),
            Map.entry(CostBreakdown.Component.SNS, "One publish per notification is the floor."));

    /**
     * What stands between the total and the target: the plumbing every hop of the choreography
     * pays (messages, invocations, state writes) against the telemetry on top of it.
     */
    private String floor() {
        double telemetry = 0;
        double plumbing = 0;
        for (Map.Entry<CostBreakdown.Component, CostBreakdown.Line> e : mix.lines.entrySet()) {
            switch (e.getKey()) {
                case EMAIL_DELIVERY, SMS_DELIVERY -> { }
                case LOGS, METRICS, XRAY -> telemetry += e.getValue().dollarsPerMillionOrders();
                default -> plumbing += e.getValue().dollarsPerMillionOrders();
            }
        }
        if (plumbing + telemetry <= CostModel.TARGET_DOLLARS_PER_MILLION) {
            return "";
        }
        return String.format(Locale.ROOT, "%n### What stands between this and $%.2f%n%n"
                        + "Without any logs, metrics or traces at all, the choreography itself (queues, invocations, "
                        + "events, state and marker writes) costs **$%.2f** per million orders; telemetry adds $%.2f. "
                        + "So the target is not reachable by trimming: it needs fewer hops per order (each saga step is "
                        + "an event, a queue delivery, an invocation and two or three writes), which is a change of "
                        + "architecture, not of configuration. The cuts above name the candidates.%n",
                CostModel.TARGET_DOLLARS_PER_MILLION, plumbing, telemetry);
    }

    String markdown() {
        JsonNode p = in.prices();
        JsonNode a = in.assumptions();
        StringBuilder md = new StringBuilder();
        md.append("# What one order costs on AWS\n\n");
        md.append("Written by the cost model; do not edit by hand. Reproduce with\n\n```bash\n")
                .append("mvn -pl local-cloud -am -DskipTests package exec:java@requests-per-order   # requests, invocations, log bytes per path\n")
                .append("mvn -pl cold-start-benchmark -am -DskipTests package exec:java@cold-start   # handler durations\n")
                .append("mvn -pl cost-model -am -DskipTests package exec:java@cost                   # this page\n```\n\n");
        md.append(String.format(Locale.ROOT, "Prices: **%s**, as of %s; %s%n%n", p.path("region").asText(),
                p.path("asOf").asText(), p.path("note").asText()));
        md.append(String.format(Locale.ROOT, "## Per million orders: **$%.2f** excluding e-mail and SMS delivery "
                        + "(target ≤ $%.2f: %s), $%.2f with them%n%n", mix.total(false), CostModel.TARGET_DOLLARS_PER_MILLION,
                mix.total(false) <= CostModel.TARGET_DOLLARS_PER_MILLION ? "met" : "**missed**", mix.total(true)));
        md.append("The order mix: ");
        a.path("mix").fields().forEachRemaining(e -> md.append(String.format(Locale.ROOT, "%s %.0f %%, ", e.getKey(),
                100 * e.getValue().asDouble())));
        md.setLength(md.length() - 2);
        md.append(String.format(Locale.ROOT, "; %,.0f orders a month (fixed monthly costs are spread over them).%n%n",
                a.path("ordersPerMonth").asDouble()));
        md.append("| component | per order | $ per million orders | share |\n|---|---:|---:|---:|\n");
        double total = mix.total(false);
        mix.lines.forEach((c, line) -> md.append(String.format(Locale.ROOT, "| %s%s | %s %s | %.2f | %s |%n",
                c.delivery() ? "*(delivery)* " : "", c.label, qty(line.quantityPerOrder()), line.unit(),
                line.dollarsPerMillionOrders(), c.delivery() ? "–" : String.format(Locale.ROOT, "%.0f %%",
                        100 * line.dollarsPerMillionOrders() / total))));
        md.append(String.format(Locale.ROOT, "| **total, excluding delivery** | | **%.2f** | 100 %% |%n%n", total));

        md.append("### The three largest, and what would cut each\n\n");
        List<Map.Entry<CostBreakdown.Component, CostBreakdown.Line>> top = CostModel.largest(mix, 3);
        int rank = 1;
        for (Map.Entry<CostBreakdown.Component, CostBreakdown.Line> e : top) {
            md.append(String.format(Locale.ROOT, "%d. **%s**, $%.2f: %s%n", rank++, e.getKey().label,
                    e.getValue().dollarsPerMillionOrders(), CUTS.getOrDefault(e.getKey(), "")));
        }

        md.append(floor());
        md.append("\n## By saga path ($ per million orders of that path)\n\n| component |");
        byPath.keySet().forEach(name -> md.append(' ').append(name).append(" |"));
        md.append("\n|---|");
        byPath.keySet().forEach(name -> md.append("---:|"));
        md.append('\n');
        for (CostBreakdown.Component c : CostBreakdown.Component.values()) {
            md.append("| ").append(c.label).append(" |");
            byPath.values().forEach(b -> md.append(String.format(Locale.ROOT, " %.2f |", b.lines.get(c).dollarsPerMillionOrders())));
            md.append('\n');
        }
        md.append("| **total, excluding delivery** |");
        byPath.values().forEach(b -> md.append(String.format(Locale.ROOT, " **%.2f** |", b.total(false))));
        md.append("\n\n");

        md.append("## Inputs\n\n### Measured (docs/performance/requests-per-order-detail.json, cold-start.json)\n\n");
        md.append("| per order | ");
        byPath.keySet().forEach(name -> md.append(name).append(" | "));
        md.append("\n|---|");
        byPath.keySet().forEach(name -> md.append("---:|"));
        md.append('\n');
        row(md, "Lambda invocations", path -> path.invocations().values().stream().mapToLong(Long::longValue).sum());
        for (String api : new TreeSet<>(in.paths().values().stream().flatMap(x -> x.functionCalls().values().stream())
                .flatMap(m -> m.keySet().stream()).toList())) {
            row(md, "functions' " + api + " calls", path -> path.calls(api));
        }
        row(md, "HTTP API requests", path -> path.platformCalls().getOrDefault("ApiGatewayV2:HttpRequest", 0L));
        row(md, "bytes the functions wrote to standard output", Inputs.PathMeasurement::stdoutBytes);
        md.append(String.format(Locale.ROOT, "%nMean DynamoDB item size over every table at the end of the run: %d bytes "
                + "(so %d WRU per write, %d RRU per strongly consistent read). Distinct custom metrics in the functions' EMF "
                + "output: %d. SQS-triggered functions (each queue long-polled by Lambda all month): %d.%n%n",
                in.meanItemBytes(), (long) Math.max(1, Math.ceil(in.meanItemBytes() / 1024.0)),
                (long) Math.max(1, Math.ceil(in.meanItemBytes() / 4096.0)), in.distinctMetrics(), in.sqsTriggeredFunctions()));
        md.append("| function | memory MB (template) | warm invoke ms | init ms | SQS-triggered |\n|---|---:|---:|---:|---|\n");
        in.functions().forEach((name, f) -> md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", name,
                f.memoryMb(), f.warmMs() < 0 ? "–" : Long.toString(f.warmMs()), f.initMs() < 0 ? "–" : Long.toString(f.initMs()),
                f.sqsTriggered() ? "yes" : "")));
        md.append(String.format(Locale.ROOT, "%nHandler durations are the cold-start benchmark's warm invokes (measured %s, "
                + "one CPU, against the local emulator): on Lambda a handler at 512 MB gets about 0.3 of a vCPU, and DynamoDB "
                + "answers in single-digit milliseconds, so read the duration line as an estimate within a factor of two.%n%n",
                in.coldStartMeasuredAt()));

        md.append("### Prices\n\n| price | value | source |\n|---|---:|---|\n");
        p.fields().forEachRemaining(service -> {
            if (service.getValue().isObject()) {
                String source = service.getValue().path("source").asText();
                service.getValue().fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("source")) {
                        md.append(String.format(Locale.ROOT, "| %s.%s | %s | %s |%n", service.getKey(), f.getKey(),
                                f.getValue().asText(), source));
                    }
                });
            }
        });
        md.append("\n### Assumptions (cost-model/src/main/resources/assumptions.json)\n\n| assumption | value | why |\n|---|---:|---|\n");
        Map<String, String> why = Map.ofEntries(
                Map.entry("ordersPerMonth", "spreads the monthly costs (metrics, idle polling) and sets X-Ray's sampling"),
                Map.entry("coldStartShare", "share of invocations that start a new execution environment; each bills its INIT (an upper bound: SnapStart restores a snapshot instead)"),
                Map.entry("lambdaPlatformLogBytesPerInvocation", "Lambda's own JSON log records per invocation (platform.start, platform.report)"),
                Map.entry("journalBytesPerEvent", "every event is also written to the event journal log group by a rule"),
                Map.entry("sqsRequestsPerMessage", "the send (by EventBridge or SNS), the receive and the delete (batched receives and deletes make this an upper bound)"),
                Map.entry("idleReceivesPerQueuePerMonth", "Lambda's SQS pollers: five 20-second long polls at a time per queue, all month"),
                Map.entry("xRayReservoirPerSecond", "X-Ray's default sampling rule (the template sets no rule of its own)"),
                Map.entry("xRayFixedRate", "X-Ray's default sampling rule, beyond the reservoir"),
                Map.entry("tracesPerHttpRequest", "the saga's asynchronous hops join the trace the HTTP request started"),
                Map.entry("dynamoDbItemsPerTransactWrite", "the order write and its idempotency record"),
                Map.entry("dynamoDbItemsPerBatchGet", "one order line per order in the measured paths"));
        a.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("about") && !f.getKey().equals("mix")) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", f.getKey(), f.getValue().asText(),
                        why.getOrDefault(f.getKey(), "")));
            }
        });
        md.append("\nNot modelled: storage (tables, logs, archive; per GB-month, not per order), data transfer out, the "
                + "customers' own status reads, Cognito (free under 10,000 monthly active users with the Lite tier), "
                + "KMS, and the free tiers.\n");
        return md.toString();
    }

    private void row(StringBuilder md, String label, java.util.function.ToLongFunction<Inputs.PathMeasurement> value) {
        md.append("| ").append(label).append(" |");
        in.paths().values().forEach(path -> md.append(' ').append(value.applyAsLong(path)).append(" |"));
        md.append('\n');
    }

    private static String qty(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}
