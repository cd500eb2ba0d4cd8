package com.example.shop.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import static com.example.shop.coldstart.FunctionMeasurements.median;
import static com.example.shop.coldstart.FunctionMeasurements.medianCount;
import static com.example.shop.coldstart.FunctionMeasurements.medianMillis;

/**
 * The benchmark's result: one row per function (medians over the repetitions), the hello-world
 * floor, and per service which jars of its zip any of its functions loaded a class from. Written as
 * JSON and as a Markdown table between two marker lines of {@code docs/performance.md}, so the
 * prose around it stays hand-written.
 */
final class Report {

    static final String BEGIN = "<!-- cold-start-table:begin (written by the cold-start benchmark) -->";
    static final String END = "<!-- cold-start-table:end -->";

    private final List<ChildJvm.Result> hello;
    private final List<FunctionMeasurements> functions;
    private final int repetitions;
    private final boolean quick;
    private final String cpu;
    private final List<String> flags;
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Report(List<ChildJvm.Result> hello, List<FunctionMeasurements> functions, int repetitions, boolean quick, String cpu,
           List<String> flags) {
        this.hello = hello;
        this.functions = functions;
        this.repetitions = repetitions;
        this.quick = quick;
        this.cpu = cpu;
        this.flags = flags;
    }

    void write(Path json, Path markdown) throws IOException {
        Files.createDirectories(json.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), toJson());
        String section = BEGIN + "\n" + markdownTable() + END;
        String existing = Files.exists(markdown) ? Files.readString(markdown) : "# Performance\n\n" + BEGIN + "\n" + END + "\n";
        int b = existing.indexOf(BEGIN);
        int e = existing.indexOf(END);
        String updated = b >= 0 && e > b
                ? existing.substring(0, b) + section + existing.substring(e + END.length())
                : existing + "\n" + section + "\n";
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, updated);
    }

    private long helloInit() {
        return medianMillis(hello, "initNanos");
    }

    String markdownTable() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Measured %s, %s, %d repetition%s (medians), JDK %s, %s. "
                        + "Hello-world floor: init **%d ms**, %d classes.%n%n",
                at, quick ? "quick mode" : "full run", repetitions, repetitions == 1 ? "" : "s",
                System.getProperty("java.version"), cpu == null ? "one CPU by -XX:ActiveProcessorCount=1 only"
                        : "one CPU (taskset -c " + cpu + " and -XX:ActiveProcessorCount=1)",
                helloInit(), medianCount(hello, "classesAtInit")));
        md.append("| function | zip MB | jars | init ms | ÷ hello | SDK floor ms (classes) | ÷ SDK floor (median of pairs) | classes at init "
                + "| 1st invoke ms | classes by 1st invoke | warm ms | heap MB | RSS MB | AOT cache: init / 1st ms "
                + "| 1st invoke after priming (classes, ms ÷ warm) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (FunctionMeasurements m : functions) {
            long init = medianMillis(m.runs, "initNanos");
            long floor = medianMillis(m.sdkFloorRuns, "initNanos");
            long classesInit = medianCount(m.runs, "classesAtInit");
            long classesFirst = medianCount(m.runs, "classesAfterFirstInvoke");
            md.append("| ").append(m.function.logicalId())
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", m.zipBytes / 1_000_000.0))
                    .append(" | ").append(m.jarsInZip.size())
                    .append(" | ").append(num(init))
                    .append(" | ").append(ratio(init, helloInit()))
                    .append(" | ").append(num(floor)).append(" (").append(num(medianCount(m.sdkFloorRuns, "classesAtInit")))
                    .append(")")
                    .append(" | ").append(pairedRatio(m) < 0 ? "–" : String.format(Locale.ROOT, "%.2f×", pairedRatio(m)))
                    .append(" | ").append(num(classesInit))
                    .append(" | ").append(m.hasEvent() ? num(medianMillis(m.runs, "firstInvokeNanos")) : "no event")
                    .append(" | ").append(m.hasEvent() && classesFirst >= 0 ? num(classesFirst - classesInit) : "–")
                    .append(" | ").append(m.hasEvent() ? num(medianMillis(m.runs, "warmInvokeNanos")) : "–")
                    .append(" | ").append(mb(median(m.runs, r -> r.count("heapUsedBytes"))))
                    .append(" | ").append(m.hasEvent() ? num(kbToMb(median(m.runs, r -> r.count("rssKb")))) : "–")
                    .append(" | ").append(m.aotRuns.isEmpty() ? "–" : num(medianMillis(m.aotRuns, "initNanos")) + " / "
                            + num(medianMillis(m.aotRuns, "firstInvokeNanos")))
                    .append(" | ").append(primed(m))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String primed(FunctionMeasurements m) {
        if (m.primedRuns.isEmpty()) {
            return "not primed";
        }
        if (m.primedRuns.stream().allMatch(ChildJvm.Result::crashed)) {
            String error = m.primedRuns.getFirst().error();
            // the outermost error only; the JSON keeps the whole chain
            String outermost = error.contains(" <- ") ? error.substring(0, error.indexOf(" <- ")) : error;
            return "hook failed: " + outermost.replace("|", "/");
        }
        long classes = m.classesByFirstInvokeAfterPriming();
        double ratio = m.primedFirstOverWarm();
        return num(classes) + " classes, " + num(medianMillis(m.primedRuns, "firstInvokeNanos")) + " ms = "
                + (ratio < 0 ? "–" : String.format(Locale.ROOT, "%.1f× warm", ratio))
                + (m.primingTargetsMet() ? " ✓" : " ✗ (targets: ≤ " + FunctionMeasurements.PRIMED_CLASSES_TARGET
                + " classes, ≤ " + FunctionMeasurements.PRIMED_OVER_WARM_TARGET + "× warm)");
    }

    private Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("measuredAt", at.toString());
        root.put("mode", quick ? "quick" : "full");
        root.put("repetitions", repetitions);
        root.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        root.put("pinnedToCpu", cpu);
        root.put("jvmFlags", flags);
        root.put("initMeans", "process start (parent's clock, before fork) until the handler is constructed by the runtime's"
                + " own handler loading, as Lambda's Init Duration counts it");
        root.put("helloWorldFloor", Map.of("initMs", helloInit(), "classesAtInit", medianCount(hello, "classesAtInit"),
                "samplesInitNanos", hello.stream().map(r -> r.nanos("initNanos")).toList()));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, TreeSet<String>> usedPerService = new TreeMap<>();
        Map<String, List<String>> jarsPerService = new TreeMap<>();
        Map<String, Long> zipPerService = new TreeMap<>();
        for (FunctionMeasurements m : functions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("function", m.function.logicalId());
            row.put("handler", m.function.handler());
            row.put("zip", m.function.zip().getFileName().toString());
            row.put("zipBytes", m.zipBytes);
            row.put("jars", m.jarsInZip.size());
            row.put("memoryMb", m.function.memoryMb());
            row.put("initMs", medianMillis(m.runs, "initNanos"));
            row.put("initOverHelloFloor", ratioValue(medianMillis(m.runs, "initNanos"), helloInit()));
            row.put("sdkClients", m.sdkClients.isBlank() ? List.of() : List.of(m.sdkClients.split(",")));
            row.put("sdkFloorInitMs", medianMillis(m.sdkFloorRuns, "initNanos"));
            row.put("sdkFloorClassesAtInit", medianCount(m.sdkFloorRuns, "classesAtInit"));
            row.put("initOverSdkFloor", pairedRatio(m) < 0 ? null : Math.round(100 * pairedRatio(m)) / 100.0);
            row.put("initOverSdkFloorOfMedians", ratioValue(medianMillis(m.runs, "initNanos"), medianMillis(m.sdkFloorRuns, "initNanos")));
            row.put("classesAtInit", medianCount(m.runs, "classesAtInit"));
            row.put("event", m.hasEvent() ? "recorded on the local cloud, replayed with fresh delivery ids" : "none recorded");
            row.put("firstInvokeMs", medianMillis(m.runs, "firstInvokeNanos"));
            row.put("classesAfterFirstInvoke", medianCount(m.runs, "classesAfterFirstInvoke"));
            row.put("warmInvokeMs", medianMillis(m.runs, "warmInvokeNanos"));
            row.put("heapUsedBytesAfterFirstInvoke", median(m.runs, r -> r.count("heapUsedBytes")));
            row.put("rssKbAfterFirstInvoke", median(m.runs, r -> r.count("rssKb")));
            row.put("rssPeakKb", median(m.runs, r -> r.count("rssPeakKb")));
            row.put("firstResponse", m.runs.isEmpty() ? "" : m.runs.getFirst().text("firstResponse"));
            row.put("aotCacheInitMs", medianMillis(m.aotRuns, "initNanos"));
            row.put("aotCacheFirstInvokeMs", medianMillis(m.aotRuns, "firstInvokeNanos"));
            row.put("aotCacheClassesAtInit", medianCount(m.aotRuns, "classesAtInit"));
            row.put("primingHooks", m.runs.isEmpty() ? -1 : m.runs.getFirst().count("primingHooks"));
            row.put("firstInvokeAfterPrimingMs", m.primedRuns.isEmpty() ? "not primed"
                    : medianMillis(m.primedRuns, "firstInvokeNanos"));
            row.put("classesByFirstInvokeAfterPriming", m.primedRuns.isEmpty() ? -1 : m.classesByFirstInvokeAfterPriming());
            row.put("warmInvokeInPrimedRunMs", medianMillis(m.primedRuns, "warmInvokeNanos"));
            row.put("firstInvokeAfterPrimingOverWarm", m.primedRuns.isEmpty() || m.primedFirstOverWarm() < 0 ? null
                    : Math.round(100 * m.primedFirstOverWarm()) / 100.0);
            row.put("primingTargetsMet", !m.primedRuns.isEmpty() && m.primingTargetsMet());
            row.put("primingMs", medianMillis(m.primedRuns, "primingNanos"));
            row.put("classesLoadedByPriming", median(m.primedRuns, r -> r.count("classesAfterPriming") < 0 ? -1
                    : r.count("classesAfterPriming") - r.count("classesAtInit")));
            row.put("loadedByFirstInvokeAfterPrimingByOrigin", m.loadedAfterPrimingByOrigin);
            row.put("loadedByFirstInvokeAfterPriming", m.loadedAfterPriming);
            row.put("primingErrors", m.primedRuns.stream().filter(ChildJvm.Result::crashed).map(ChildJvm.Result::error)
                    .distinct().toList());
            row.put("classesPerJar", m.classesPerJar);
            row.put("samples", Map.of(
                    "initNanos", m.runs.stream().map(r -> r.nanos("initNanos")).toList(),
                    "firstInvokeNanos", m.runs.stream().map(r -> r.nanos("firstInvokeNanos")).toList(),
                    "warmInvokeNanos", m.runs.stream().map(r -> r.nanos("warmInvokeNanos")).toList(),
                    "sdkFloorInitNanos", m.sdkFloorRuns.stream().map(r -> r.nanos("initNanos")).toList(),
                    "aotInitNanos", m.aotRuns.stream().map(r -> r.nanos("initNanos")).toList()));
            rows.add(row);
            String service = m.function.service();
            usedPerService.computeIfAbsent(service, s -> new TreeSet<>()).addAll(m.classesPerJar.keySet());
            jarsPerService.put(service, m.jarsInZip);
            zipPerService.put(service, m.zipBytes);
        }
        root.put("functions", rows);
        List<Map<String, Object>> services = new ArrayList<>();
        jarsPerService.forEach((service, jars) -> {
            TreeSet<String> used = usedPerService.get(service);
            services.add(Map.of("service", service, "zipBytes", zipPerService.get(service), "jars", jars.size(),
                    "jarsNoFunctionLoadedAClassFrom", jars.stream().filter(j -> !used.contains(j)).toList()));
        });
        root.put("services", services);
        return root;
    }

    private static String num(long v) {
        return v < 0 ? "–" : Long.toString(v);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.0f", bytes / 1_048_576.0);
    }

    private static long kbToMb(long kb) {
        return kb < 0 ? -1 : Math.round(kb / 1024.0);
    }

    private static String ratio(long a, long b) {
        return a < 0 || b <= 0 ? "–" : String.format(Locale.ROOT, "%.1f×", (double) a / b);
    }

    /**
     * Init ÷ SDK floor as the median of each repetition's own ratio: the floor runs right after its
     * function in every repetition, so each pair shares the machine's state of that moment, and a
     * slow moment of the shared machine moves both sides of one pair rather than one side of the
     * medians.
     */
    static double pairedRatio(FunctionMeasurements m) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(m.runs.size(), m.sdkFloorRuns.size()); i++) {
            ChildJvm.Result f = m.runs.get(i);
            ChildJvm.Result floor = m.sdkFloorRuns.get(i);
            if (!f.crashed() && !floor.crashed() && floor.nanos("initNanos") > 0) {
                ratios.add((double) f.nanos("initNanos") / floor.nanos("initNanos"));
            }
        }
        if (ratios.isEmpty()) {
            return -1;
        }
        ratios.sort(null);
        return ratios.get((ratios.size() - 1) / 2);
    }

    private static Object ratioValue(long a, long b) {
        return a < 0 || b <= 0 ? null : Math.round(100.0 * a / b) / 100.0;
    }
}
