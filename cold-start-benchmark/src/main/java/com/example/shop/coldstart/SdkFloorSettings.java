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

import com.example.shop.coldstart.floor.SdkFloor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import static com.example.shop.coldstart.FunctionMeasurements.medianCount;
import static com.example.shop.coldstart.FunctionMeasurements.medianMillis;

/**
 * Where the SDK floor's init goes, and what the SDK's supported client settings change about it.
 *
 * <p>For one function's SDK clients, every repetition starts the plain SDK floor and then one JVM
 * per setting of {@link SdkFloor#SETTINGS}, alternately, so that a setting and the floor it
 * is compared with share the machine's state. The plain floor's phases (the logging back end, the
 * X-Ray recorder, each client) come from the lines the handler prints. Written as JSON and as a
 * Markdown section between two marker lines of {@code docs/performance.md}.
 */
final class SdkFloorSettings {

    static final String BEGIN = "<!-- sdk-floor-settings:begin (written by the cold-start benchmark) -->";
    static final String END = "<!-- sdk-floor-settings:end -->";
    private static final String PLAIN = "plain";

    private final FunctionMeasurements function;
    private final Map<String, List<ChildJvm.Result>> runs = new LinkedHashMap<>();
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private SdkFloorSettings(FunctionMeasurements function) {
        this.function = function;
    }

    static SdkFloorSettings measure(ChildJvm jvm, Workspace workspace, FunctionMeasurements m, int repetitions)
            throws IOException, InterruptedException {
        SdkFloorSettings result = new SdkFloorSettings(m);
        FunctionUnderTest f = m.function;
        Path floorRoot = workspace.sdkFloorTaskRoot(workspace.taskRoot(f.zip()));
        List<String> variants = new ArrayList<>();
        variants.add(PLAIN);
        variants.addAll(SdkFloor.SETTINGS.stream().sorted().toList());
        for (int rep = 1; rep <= repetitions; rep++) {
            for (String variant : variants) {
                Map<String, String> env = new LinkedHashMap<>(f.environment());
                env.put("SDK_FLOOR_CLIENTS", m.sdkClients);
                env.put("SDK_FLOOR_SETTINGS", variant.equals(PLAIN) ? "" : variant);
                ChildJvm.Result r = jvm.run(new ChildJvm.Spec(f.logicalId() + "-sdk-floor-" + variant + "-" + rep,
                        f.logicalId(), floorRoot, "com.example.shop.coldstart.floor.SdkFloorHandler::handleRequest", env,
                        f.memoryMb(), f.timeoutSeconds(), null, null, ChildJvm.Loading.RUNTIME_CLASS_LOADER, List.of(),
                        null, false));
                if (r.crashed()) {
                    throw new IllegalStateException("the SDK floor with " + variant + " crashed: " + r.error());
                }
                result.runs.computeIfAbsent(variant, v -> new ArrayList<>()).add(r);
            }
            System.out.println("[cold-start] SDK floor settings, repetition " + rep + " of " + repetitions);
        }
        return result;
    }

    /** Median nanoseconds of each phase the plain floor printed, in the order printed. */
    private Map<String, Long> phases() throws IOException {
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        for (ChildJvm.Result r : runs.get(PLAIN)) {
            for (String line : Files.readAllLines(r.outputLog())) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 3 && parts[0].equals("sdk-floor-phase")) {
                    samples.computeIfAbsent(parts[1], p -> new ArrayList<>()).add(Long.parseLong(parts[2]));
                }
            }
        }
        Map<String, Long> medians = new LinkedHashMap<>();
        samples.forEach((phase, values) -> medians.put(phase, values.stream().sorted().toList().get((values.size() - 1) / 2)));
        return medians;
    }

    String markdown() throws IOException {
        long plain = medianMillis(runs.get(PLAIN), "initNanos");
        long plainClasses = medianCount(runs.get(PLAIN), "classesAtInit");
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Measured %s with the SDK clients of %s (%s), %d repetition%s, medians; "
                        + "every setting alone, started right after the plain floor in each repetition.%n%n", at,
                function.function.logicalId(), function.sdkClients.replaceAll("[a-z.]+\\.", ""), runs.get(PLAIN).size(),
                runs.get(PLAIN).size() == 1 ? "" : "s"));
        md.append("| plain floor, phase | ms |\n|---|---:|\n");
        md.append("| JVM start, runtime, handler class loaded | ").append(plain - phases().values().stream()
                .mapToLong(n -> n / 1_000_000).sum()).append(" |\n");
        for (Map.Entry<String, Long> phase : phases().entrySet()) {
            md.append("| ").append(switch (phase.getKey()) {
                case "logging" -> "logging back end (the SDK's first SLF4J logger starts Log4j 2)";
                case "tracing" -> "X-Ray recorder and SDK interceptor";
                default -> phase.getKey() + " built";
            }).append(" | ").append(phase.getValue() / 1_000_000).append(" |\n");
        }
        md.append("| **init, whole process** | **").append(plain).append("** |\n\n");
        md.append("| setting | init ms | Δ vs plain | classes at init | Δ classes |\n|---|---:|---:|---:|---:|\n");
        md.append("| plain floor | ").append(plain).append(" | – | ").append(plainClasses).append(" | – |\n");
        for (Map.Entry<String, List<ChildJvm.Result>> e : runs.entrySet()) {
            if (e.getKey().equals(PLAIN)) {
                continue;
            }
            long init = medianMillis(e.getValue(), "initNanos");
            long classes = medianCount(e.getValue(), "classesAtInit");
            md.append("| `").append(e.getKey()).append("` | ").append(init)
                    .append(String.format(Locale.ROOT, " | %+d ms (%+.0f %%) | ", init - plain, 100.0 * (init - plain) / plain))
                    .append(classes).append(String.format(Locale.ROOT, " | %+d |%n", classes - plainClasses));
        }
        return md.toString();
    }

    void write(Path json, Path markdown) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("measuredAt", at.toString());
        root.put("function", function.function.logicalId());
        root.put("sdkClients", function.sdkClients);
        root.put("plainFloorPhasesNanos", phases());
        Map<String, Object> settings = new LinkedHashMap<>();
        runs.forEach((variant, results) -> settings.put(variant, Map.of(
                "initMs", medianMillis(results, "initNanos"),
                "classesAtInit", medianCount(results, "classesAtInit"),
                "initNanosSamples", results.stream().map(r -> r.nanos("initNanos")).toList())));
        root.put("settings", settings);
        Files.createDirectories(json.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
        String section = BEGIN + "\n" + markdown() + END;
        String existing = Files.readString(markdown);
        int b = existing.indexOf(BEGIN);
        int e = existing.indexOf(END);
        Files.writeString(markdown, b >= 0 && e > b
                ? existing.substring(0, b) + section + existing.substring(e + END.length())
                : existing + "\n" + section + "\n");
    }
}
