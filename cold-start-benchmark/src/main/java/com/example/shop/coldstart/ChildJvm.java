package com.example.shop.coldstart;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.example.shop.coldstart.probe.Probe;

/**
 * Starts one fresh JVM the way Lambda's managed Java runtime starts an execution environment, and
 * reads what its {@link Probe} measured.
 *
 * <p>The flags are those the managed runtime passes (seen in the process arguments of the java17
 * runtime and documented for java25 on "Customize Java runtime startup behavior"):
 * {@code -XX:MaxHeapSize} at 85 % of the function's memory, {@code -XX:+UseSerialGC}, CDS on,
 * {@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1} for an on-demand init (java25 uses the
 * JVM's default tiered compilation under SnapStart and provisioned concurrency instead, which is
 * what the primed run uses), {@code --add-opens=java.base/java.io=ALL-UNNAMED},
 * {@code -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac} (org.crac hooks go to the
 * runtime), {@code -Djava.net.preferIPv4Stack=true}, {@code -XX:+ErrorFileToStderr}. Added here:
 * one CPU ({@code -XX:ActiveProcessorCount=1} and {@code taskset} where it exists), and
 * {@code -Xlog:class+load} to a file, which the probe counts. Left out: the runtime's Log4Shell
 * hot-patch agent, and its own CDS archive of the runtime client (the JDK's default archive is
 * used).
 */
final class ChildJvm {

    /** How the handler's classes reach the JVM. */
    enum Loading {
        /** The runtime's own class loader over the extracted task root, as on Lambda. */
        RUNTIME_CLASS_LOADER,
        /** The zip and its lib jars on the JVM's class path: what an AOT cache can hold. */
        APP_CLASS_PATH
    }

    /**
     * One measured start.
     *
     * @param label     names the run's files, e.g. {@code PlaceOrderFunction-function-1}
     * @param taskRoot  the extracted zip (the JVM's working directory, as /var/task is)
     * @param appJars   with {@link Loading#APP_CLASS_PATH}: the zip and its lib jars
     * @param aotOption {@code -XX:AOTCacheOutput=…}, {@code -XX:AOTCache=…} or {@code null}
     * @param primed    call the priming hooks between init and the first event (SnapStart's flags)
     */
    record Spec(String label, String function, Path taskRoot, String handler, Map<String, String> environment,
                int memoryMb, int timeoutSeconds, Path event, Path warmEvent, Loading loading, List<Path> appJars,
                String aotOption, boolean primed) {
    }

    /** What one JVM measured, or why it failed. */
    record Result(Map<String, String> values, int exitCode, Path outputLog, Path classLog) {

        boolean crashed() {
            return exitCode != 0 || values.containsKey("error");
        }

        String error() {
            return values.getOrDefault("error", exitCode == 0 ? null : "exit code " + exitCode + ", see " + outputLog);
        }

        long nanos(String key) {
            return Long.parseLong(values.getOrDefault(key, "-1"));
        }

        long count(String key) {
            return Long.parseLong(values.getOrDefault(key, "-1"));
        }

        String text(String key) {
            return values.getOrDefault(key, "");
        }
    }

    private static final long CHILD_TIMEOUT_SECONDS = 180;

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final List<Path> runtimeClasspath;
    private final Path runsDir;
    private final String cpu;

    /**
     * @param cpu the CPU to pin every measured JVM to with taskset, or {@code null} for none
     */
    ChildJvm(List<Path> runtimeClasspath, Path runsDir, String cpu) throws IOException {
        this.runtimeClasspath = List.copyOf(runtimeClasspath);
        this.runsDir = Files.createDirectories(runsDir);
        this.cpu = cpu != null && Files.isExecutable(Path.of("/usr/bin/taskset")) ? cpu : null;
    }

    boolean pinned() {
        return cpu != null;
    }

    /** The JVM flags of the managed runtime for a function of this memory size. */
    static List<String> lambdaFlags(int memoryMb, boolean snapStartJit) {
        return lambdaFlags(memoryMb, snapStartJit, true);
    }

    /**
     * @param cds whether to name the CDS setting: an AOT cache option may not be combined with any
     *            {@code -Xshare} flag (the cache takes the place of the CDS archive)
     */
    static List<String> lambdaFlags(int memoryMb, boolean snapStartJit, boolean cds) {
        List<String> flags = new ArrayList<>();
        flags.add("-XX:MaxHeapSize=" + (memoryMb * 1024L * 85 / 100) + "k");
        flags.add("-XX:+UseSerialGC");
        if (cds) {
            flags.add("-Xshare:auto");
        }
        if (!snapStartJit) {
            flags.add("-XX:+TieredCompilation");
            flags.add("-XX:TieredStopAtLevel=1");
        }
        flags.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        flags.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        flags.add("-Djava.net.preferIPv4Stack=true");
        flags.add("-XX:+ErrorFileToStderr");
        flags.add("-XX:ActiveProcessorCount=1");
        return flags;
    }

    Result run(Spec spec) throws IOException, InterruptedException {
        Path resultFile = runsDir.resolve(spec.label() + ".result.properties");
        Path classLog = runsDir.resolve(spec.label() + ".classes.log");
        Path outputLog = runsDir.resolve(spec.label() + ".out.log");
        Files.deleteIfExists(resultFile);
        Files.deleteIfExists(classLog);
        Files.createFile(classLog);

        List<String> command = new ArrayList<>();
        if (cpu != null) {
            command.addAll(List.of("/usr/bin/taskset", "-c", cpu));
        }
        command.add(java.toString());
        command.addAll(lambdaFlags(spec.memoryMb(), spec.primed(), spec.aotOption() == null));
        command.add("-Xlog:class+load=info:file=" + classLog + ":none");
        if (spec.aotOption() != null) {
            command.add(spec.aotOption());
        }
        List<Path> classpath = new ArrayList<>(runtimeClasspath);
        if (spec.loading() == Loading.APP_CLASS_PATH) {
            classpath.addAll(spec.appJars());
        }
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(":")));
        command.add(Probe.class.getName());
        command.add("handler=" + spec.handler());
        command.add("function=" + spec.function());
        command.add("timeoutSeconds=" + spec.timeoutSeconds());
        command.add("result=" + resultFile);
        command.add("classLog=" + classLog);
        if (spec.loading() == Loading.APP_CLASS_PATH) {
            command.add("loader=app");
        }
        if (spec.primed()) {
            command.add("prime=true");
        }
        if (spec.event() != null) {
            command.add("event=" + spec.event());
        }
        if (spec.warmEvent() != null) {
            command.add("warmEvent=" + spec.warmEvent());
        }

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.taskRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(outputLog.toFile());
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        builder.environment().put("LAMBDA_TASK_ROOT", spec.taskRoot().toString());
        builder.environment().put("_HANDLER", spec.handler());

        // t0 goes last on the command line, taken as late as possible before the process starts
        command.add("t0=" + System.nanoTime());
        builder.command(command);
        Process process = builder.start();
        if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Result(Map.of("error", "no result within " + CHILD_TIMEOUT_SECONDS + " s"), -1, outputLog, classLog);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(resultFile)) {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(resultFile)));
            properties.forEach((k, v) -> values.put((String) k, (String) v));
        } else {
            values.put("error", "the JVM wrote no result (exit " + process.exitValue() + "), see " + outputLog);
        }
        return new Result(values, process.exitValue(), outputLog, classLog);
    }
}
