package com.example.shop.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a measured JVM's {@code -Xlog:class+load} file: how many classes came from each jar of the
 * function's lib/ — the evidence for which jars a function really uses.
 */
final class ClassLogs {

    /** Classes loaded from the function's own classes (the zip's root). */
    static final String FUNCTION_CLASSES = "(function classes)";

    private ClassLogs() {
    }

    /** Jar file name (or {@link #FUNCTION_CLASSES}) → classes loaded from it. */
    static Map<String, Integer> classesPerJar(Path classLog, Path taskRoot) throws IOException {
        Map<String, Integer> perJar = new TreeMap<>();
        String root = taskRoot.toUri().toString();
        for (String line : Files.readAllLines(classLog)) {
            int at = line.indexOf(" source: ");
            if (at < 0) {
                continue;
            }
            String source = line.substring(at + " source: ".length()).trim();
            int lib = source.lastIndexOf("/lib/");
            if (source.endsWith(".jar") && lib >= 0) {
                perJar.merge(source.substring(lib + "/lib/".length()), 1, Integer::sum);
            } else if (source.startsWith(root) || source.startsWith(root.replace("file:///", "file:/"))) {
                perJar.merge(FUNCTION_CLASSES, 1, Integer::sum);
            }
        }
        return perJar;
    }

    /** Where a class loaded by the runtime itself came from (its jars on the JVM's class path). */
    static final String RUNTIME = "(Lambda runtime: interface client, serialization)";
    /** Classes the JVM generates at run time: lambda forms, lambdas' hidden classes, proxies. */
    static final String GENERATED = "(generated: lambda forms, hidden classes, proxies)";
    /** The JDK's own classes, from its CDS archive or its modules. */
    static final String JDK = "(JDK)";

    /**
     * The classes loaded between two points of a run (line counts of its class log, as the probe
     * reports them), counted by origin: the JDK, generated classes, the Lambda runtime's jars, the
     * function's own classes, or the jar of its lib/ they came from, most first.
     */
    static Map<String, Integer> loadedBetween(Path classLog, long fromLine, long toLine) throws IOException {
        Map<String, Integer> byOrigin = new TreeMap<>();
        List<String> lines = Files.readAllLines(classLog);
        for (int i = (int) Math.max(0, fromLine); i < Math.min(lines.size(), toLine); i++) {
            byOrigin.merge(origin(lines.get(i)), 1, Integer::sum);
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        byOrigin.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The classes (names) loaded between two points of a run, in loading order. */
    static List<String> namesBetween(Path classLog, long fromLine, long toLine) throws IOException {
        List<String> lines = Files.readAllLines(classLog);
        return lines.subList((int) Math.min(lines.size(), Math.max(0, fromLine)), (int) Math.min(lines.size(), toLine))
                .stream().map(l -> l.split(" ", 2)[0] + " (" + origin(l) + ")").toList();
    }

    private static String origin(String line) {
        int at = line.indexOf(" source: ");
        String source = at < 0 ? "" : line.substring(at + " source: ".length()).trim();
        if (source.startsWith("shared objects file") || source.startsWith("jrt:/")) {
            return JDK;
        }
        if (source.startsWith("__") || source.contains("java.lang.invoke") || line.startsWith("jdk.proxy")
                || line.contains("$$Lambda") || source.isEmpty()) {
            return GENERATED;
        }
        int lib = source.lastIndexOf("/lib/");
        if (source.endsWith(".jar") && lib >= 0) {
            return source.substring(lib + "/lib/".length());
        }
        if (source.contains("aws-lambda-java-runtime-interface-client") || source.contains("aws-lambda-java-serialization")
                || source.contains("aws-lambda-java-core")) {
            return RUNTIME;
        }
        if (source.endsWith(".jar")) {
            return source.substring(source.lastIndexOf('/') + 1);
        }
        return FUNCTION_CLASSES;
    }
}
