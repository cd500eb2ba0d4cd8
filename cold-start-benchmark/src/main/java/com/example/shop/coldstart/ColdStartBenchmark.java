package com.example.shop.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.backend.Backend;
import com.example.shop.localcloud.emulator.Emulator;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.example.shop.localcloud.model.FunctionDef;
import com.example.shop.localcloud.runtime.LambdaRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The cold-start benchmark: every function of {@code infra/template.yaml}, each started in a fresh
 * JVM as Lambda's managed java25 runtime starts it, against the shop deployed on the local cloud.
 *
 * <ol>
 *   <li>Starts the local cloud's emulator (the default backend, or {@code -Dlocal.backend}), deploys the template as {@link LocalCloud} does, and runs a short journey of
 *       the shop ({@link Journey}) through the in-JVM runtime, keeping the first event each function
 *       handled. Then stops the runtime; the emulator and everything deployed stay up.</li>
 *   <li>Per repetition: the hello-world floor once, then for every function its own JVM
 *       ({@link ChildJvm}: the zip extracted, the runtime's class loader, the environment the
 *       template gives it resolved against the emulator, one replayed event and one warm one)
 *       followed at once by its SDK floor (the same SDK clients and nothing else).</li>
 *   <li>Per function: an AOT-cache training run ({@code -XX:AOTCacheOutput}) and measured runs
 *       with {@code -XX:AOTCache}; and, where the handler registered priming hooks, primed runs.</li>
 *   <li>Writes the medians as JSON and as a Markdown table ({@link Report}).</li>
 * </ol>
 *
 * <p>A benchmark, not a test: it fails (exit 1) only when a JVM crashes, a handler's init fails or an
 * invocation throws, never on a time.
 */
@Command(name = "cold-start", mixinStandardHelpOptions = true,
        description = "Measures the cold start of every function in infra/template.yaml.")
public final class ColdStartBenchmark implements Callable<Integer> {

    @Option(names = {"-n", "--repetitions"}, description = "Measured starts per function and floor (default ${DEFAULT-VALUE}).")
    int repetitions = 5;

    @Option(names = "--quick", description = "One repetition of everything (what CI runs).")
    boolean quick;

    @Option(names = "--functions", split = ",", description = "Only these logical ids (default: every function).")
    List<String> only = List.of();

    @Option(names = "--no-aot", description = "Skip the AOT-cache runs.")
    boolean noAot;

    @Option(names = "--no-dead-letter-path", description = "Skip the journey's payment-DLQ story (about 30 s).")
    boolean noDeadLetterPath;

    @Option(names = "--cpu", description = "The CPU every measured JVM is pinned to with taskset (default ${DEFAULT-VALUE}).")
    String cpu = "1";

    @Option(names = "--json", description = "Where the JSON goes (default docs/performance/cold-start.json).")
    Path json;

    @Option(names = "--markdown", description = "The Markdown file whose cold-start section is rewritten (default docs/performance.md).")
    Path markdown;

    @Option(names = "--sdk-floor-settings", paramLabel = "FUNCTION", arity = "0..1", fallbackValue = "ReserveStockFunction",
            description = "Also profile the SDK floor of this function (default ${FALLBACK-VALUE}) and try the SDK's "
                    + "supported client settings on it; writes docs/performance/sdk-floor-settings.json and a section of "
                    + "docs/performance.md.")
    String sdkFloorSettings;

    @Option(names = "--work-dir", description = "Scratch space (default cold-start-benchmark/target/cold-start).")
    Path workDir;

    public static void main(String[] args) {
        int exit = new CommandLine(new ColdStartBenchmark()).execute(args);
        System.exit(exit);
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            repetitions = 1;
        }
        PythonEnvironment python = PythonEnvironment.locate();
        Path root = python.root();
        Path template = root.resolve("infra/template.yaml");
        json = json != null ? json : root.resolve("docs/performance/cold-start.json");
        markdown = markdown != null ? markdown : root.resolve("docs/performance.md");
        Workspace workspace = new Workspace(workDir != null ? workDir : root.resolve("cold-start-benchmark/target/cold-start"));
        Map<String, Path> zips = TemplateFunctions.codeUris(template);
        for (Path zip : Set.copyOf(zips.values())) {
            if (!Files.exists(zip)) {
                throw new IllegalStateException(zip + " does not exist: build the services first (mvn -DskipTests package)");
            }
        }

        List<String> failures = new ArrayList<>();
        try (Emulator emulator = Backend.chosen().start()) {
            List<FunctionUnderTest> functions = deployAndRecord(emulator, template, zips);
            log("recorded an event for %d of %d functions", functions.stream().filter(f -> f.eventJson() != null).count(),
                    functions.size());
            Report report = measure(workspace, functions, emulator, failures);
            report.write(json, markdown);
            log("wrote %s and %s", root.relativize(json.toAbsolutePath()), root.relativize(markdown.toAbsolutePath()));
            System.out.println(report.markdownTable());
        }
        if (!failures.isEmpty()) {
            System.err.println("Crashes (" + failures.size() + "):");
            failures.forEach(f -> System.err.println("  " + f));
            return 1;
        }
        return 0;
    }

    private List<FunctionUnderTest> deployAndRecord(Emulator emulator, Path template, Map<String, Path> zips) {
        EventCapture capture = new EventCapture();
        LocalCloud.Options options = LocalCloud.Options.forTemplate(template)
                .withRuntime(LambdaRuntime.Options.defaults().withListener(capture));
        long started = System.nanoTime();
        List<FunctionUnderTest> functions = new ArrayList<>();
        try (LocalCloud cloud = LocalCloud.startOn(emulator, PythonEnvironment.locate().ensureReady(), options)) {
            log("deployed the template on %s in %d ms; running the journey", emulator.name(), (System.nanoTime() - started) / 1_000_000);
            new Journey(cloud, capture).run(!noDeadLetterPath);
            for (Map.Entry<String, Path> entry : zips.entrySet()) {
                String id = entry.getKey();
                if (!only.isEmpty() && !only.contains(id)) {
                    continue;
                }
                FunctionDef def = cloud.system().functions().get(id);
                if (def == null) {
                    throw new IllegalStateException("the deployed system has no function " + id);
                }
                Object event = capture.firstEvent(id);
                functions.add(new FunctionUnderTest(id, def.handlerClass() + "::" + def.handlerMethod(), entry.getValue(),
                        environment(def, emulator), def.memoryMb(), def.timeoutSeconds(),
                        event == null ? null : Events.toJson(event)));
            }
        }
        log("journey done in %d s", (System.nanoTime() - started) / 1_000_000_000);
        return functions;
    }

    /** What Lambda puts in a function's environment, plus the template's resolved variables. */
    private static Map<String, String> environment(FunctionDef def, Emulator emulator) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
        env.put("AWS_LAMBDA_FUNCTION_NAME", def.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(def.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + def.logicalId());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "cold-start");
        env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        // Tracing: Active in the template's Globals: Lambda sets the daemon address, so the X-Ray
        // recorder and the SDK interceptor are part of every init (segments go to an unused UDP port).
        env.put("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000");
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        env.putAll(def.environment());
        return env;
    }

    private Report measure(Workspace workspace, List<FunctionUnderTest> functions, Emulator emulator, List<String> failures)
            throws IOException, InterruptedException {
        ChildJvm jvm = new ChildJvm(workspace.runtimeClasspath(), workspace.dir().resolve("runs"), cpu);
        Path events = Files.createDirectories(workspace.dir().resolve("events"));
        Map<String, FunctionMeasurements> measured = new LinkedHashMap<>();
        for (FunctionUnderTest f : functions) {
            Path taskRoot = workspace.taskRoot(f.zip());
            measured.put(f.logicalId(), new FunctionMeasurements(f, Files.size(f.zip()),
                    Workspace.libJars(taskRoot).stream().map(p -> p.getFileName().toString()).toList()));
        }
        List<ChildJvm.Result> hello = new ArrayList<>();
        Path helloRoot = workspace.helloTaskRoot();
        Path helloEvent = Files.writeString(events.resolve("hello.json"), "{\"greeting\":\"hello\"}");
        Map<String, String> helloEnv = environment(new FunctionDef("HelloWorldFunction",
                "com.example.shop.coldstart.floor.HelloWorldHandler", "handleRequest", Map.of(), 20, 1024), emulator);

        for (int rep = 1; rep <= repetitions; rep++) {
            log("repetition %d of %d", rep, repetitions);
            ChildJvm.Result h = jvm.run(new ChildJvm.Spec("hello-world-" + rep, "HelloWorldFunction", helloRoot,
                    "com.example.shop.coldstart.floor.HelloWorldHandler::handleRequest", helloEnv, 1024, 20,
                    helloEvent, helloEvent, ChildJvm.Loading.RUNTIME_CLASS_LOADER, List.of(), null, false));
            hello.add(check("hello world", h, failures));
            for (FunctionMeasurements m : measured.values()) {
                FunctionUnderTest f = m.function;
                Path taskRoot = workspace.taskRoot(f.zip());
                Path[] ev = eventFiles(events, f, "run-" + rep);
                ChildJvm.Result r = check(f.logicalId(), jvm.run(new ChildJvm.Spec(f.logicalId() + "-function-" + rep,
                        f.logicalId(), taskRoot, f.handler(), f.environment(), f.memoryMb(), f.timeoutSeconds(), ev[0], ev[1],
                        ChildJvm.Loading.RUNTIME_CLASS_LOADER, List.of(), null, false)), failures);
                m.runs.add(r);
                if (rep == 1 && !r.crashed()) {
                    m.sdkClients = r.text("sdkClients");
                    m.inputType = r.text("inputType");
                    m.classesPerJar.putAll(ClassLogs.classesPerJar(r.classLog(), taskRoot));
                }
                Map<String, String> floorEnv = new LinkedHashMap<>(f.environment());
                floorEnv.put("SDK_FLOOR_CLIENTS", m.sdkClients);
                m.sdkFloorRuns.add(check(f.logicalId() + " SDK floor", jvm.run(new ChildJvm.Spec(
                        f.logicalId() + "-sdk-floor-" + rep, f.logicalId(), workspace.sdkFloorTaskRoot(taskRoot),
                        floorHandler(m.inputType) + "::handleRequest", floorEnv, f.memoryMb(),
                        f.timeoutSeconds(), null, null, ChildJvm.Loading.RUNTIME_CLASS_LOADER, List.of(), null, false)),
                        failures));
                log("  %-32s init %5d ms  first %5d ms  | SDK floor %5d ms", f.logicalId(),
                        r.nanos("initNanos") / 1_000_000, r.nanos("firstInvokeNanos") / 1_000_000,
                        m.sdkFloorRuns.getLast().nanos("initNanos") / 1_000_000);
            }
        }

        if (!noAot) {
            Path aotDir = Files.createDirectories(workspace.dir().resolve("aot"));
            for (FunctionMeasurements m : measured.values()) {
                FunctionUnderTest f = m.function;
                Path taskRoot = workspace.taskRoot(f.zip());
                List<Path> appJars = new ArrayList<>();
                appJars.add(f.zip());
                appJars.addAll(Workspace.libJars(taskRoot));
                Path cache = aotDir.resolve(f.logicalId() + ".aot");
                Path[] train = eventFiles(events, f, "aot-training");
                check(f.logicalId() + " AOT training", jvm.run(new ChildJvm.Spec(f.logicalId() + "-aot-training",
                        f.logicalId(), taskRoot, f.handler(), f.environment(), f.memoryMb(), f.timeoutSeconds(), train[0],
                        train[1], ChildJvm.Loading.APP_CLASS_PATH, appJars, "-XX:AOTCacheOutput=" + cache, false)), failures);
                for (int rep = 1; rep <= repetitions && Files.exists(cache); rep++) {
                    Path[] ev = eventFiles(events, f, "aot-" + rep);
                    m.aotRuns.add(check(f.logicalId() + " with AOT cache", jvm.run(new ChildJvm.Spec(
                            f.logicalId() + "-aot-" + rep, f.logicalId(), taskRoot, f.handler(), f.environment(),
                            f.memoryMb(), f.timeoutSeconds(), ev[0], ev[1], ChildJvm.Loading.APP_CLASS_PATH, appJars,
                            "-XX:AOTCache=" + cache, false)), failures));
                }
                log("  %-32s AOT cache: init %5d ms  first %5d ms", f.logicalId(),
                        FunctionMeasurements.medianMillis(m.aotRuns, "initNanos"),
                        FunctionMeasurements.medianMillis(m.aotRuns, "firstInvokeNanos"));
            }
        }

        for (FunctionMeasurements m : measured.values()) {
            FunctionUnderTest f = m.function;
            boolean hasHooks = m.runs.stream().anyMatch(r -> r.count("primingHooks") > 0);
            for (int rep = 1; hasHooks && rep <= repetitions; rep++) {
                Path[] ev = eventFiles(events, f, "primed-" + rep);
                ChildJvm.Result primed = jvm.run(new ChildJvm.Spec(f.logicalId() + "-primed-" + rep,
                        f.logicalId(), workspace.taskRoot(f.zip()), f.handler(), f.environment(), f.memoryMb(),
                        f.timeoutSeconds(), ev[0], ev[1], ChildJvm.Loading.RUNTIME_CLASS_LOADER, List.of(), null, true));
                // A failing priming hook is reported in the table, not counted as a crash: the table
                // says which function misses its priming targets, and why.
                if (primed.crashed()) {
                    log("  %s: priming failed: %s", f.logicalId(), primed.error());
                } else if (m.loadedAfterPriming.isEmpty() && primed.count("classesAfterPriming") >= 0) {
                    long from = primed.count("classesAfterPriming");
                    long to = primed.count("classesAfterFirstInvoke");
                    m.loadedAfterPrimingByOrigin = ClassLogs.loadedBetween(primed.classLog(), from, to);
                    m.loadedAfterPriming = ClassLogs.namesBetween(primed.classLog(), from, to);
                }
                m.primedRuns.add(primed);
                if (!primed.crashed()) {
                    log("  %-32s primed in %5d ms, then first %5d ms (%d classes), warm %d ms", f.logicalId(),
                            Math.round(primed.nanos("primingNanos") / 1e6), Math.round(primed.nanos("firstInvokeNanos") / 1e6),
                            primed.count("classesAfterFirstInvoke") - primed.count("classesAfterPriming"),
                            Math.round(primed.nanos("warmInvokeNanos") / 1e6));
                }
            }
        }
        if (sdkFloorSettings != null) {
            FunctionMeasurements m = measured.get(sdkFloorSettings);
            if (m == null || m.sdkClients.isBlank()) {
                throw new IllegalArgumentException(sdkFloorSettings + " was not measured or builds no SDK client");
            }
            SdkFloorSettings.measure(jvm, workspace, m, repetitions)
                    .write(json.resolveSibling("sdk-floor-settings.json"), markdown);
        }
        return new Report(hello, List.copyOf(measured.values()), repetitions, quick, jvm.pinned() ? cpu : null,
                ChildJvm.lambdaFlags(1024, false));
    }

    /**
     * The SDK floor handler that takes the same event type as the function, so that the runtime's
     * own work for that type (its event serializer, chosen and built at init) is on both sides.
     */
    static String floorHandler(String inputType) {
        return "com.example.shop.coldstart.floor." + switch (inputType == null ? "" : inputType) {
            case "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent" -> "SdkFloorHttpHandler";
            case "com.amazonaws.services.lambda.runtime.events.SQSEvent" -> "SdkFloorSqsHandler";
            case "com.amazonaws.services.lambda.runtime.events.DynamodbEvent" -> "SdkFloorStreamHandler";
            default -> "SdkFloorHandler";
        };
    }

    /** A fresh copy of the function's recorded event for the first and for the warm invocation. */
    private static Path[] eventFiles(Path dir, FunctionUnderTest f, String run) throws IOException {
        if (f.eventJson() == null) {
            return new Path[] {null, null};
        }
        return new Path[] {
                Files.writeString(dir.resolve(f.logicalId() + "-" + run + "-first.json"), Events.withFreshIds(f.eventJson())),
                Files.writeString(dir.resolve(f.logicalId() + "-" + run + "-warm.json"), Events.withFreshIds(f.eventJson()))};
    }

    private static ChildJvm.Result check(String what, ChildJvm.Result result, List<String> failures) {
        if (result.crashed()) {
            failures.add(what + ": " + result.error());
            log("  %s CRASHED: %s", what, result.error());
        }
        return result;
    }

    private static void log(String format, Object... args) {
        System.out.println("[cold-start] " + String.format(format, args));
    }

    static String joined(List<String> values) {
        return values.stream().collect(Collectors.joining(", "));
    }
}
