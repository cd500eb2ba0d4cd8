package com.example.shop.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
