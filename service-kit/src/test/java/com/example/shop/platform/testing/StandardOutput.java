package com.example.shop.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a piece of code writes to standard output, where Lambda's logs and embedded metrics go:
 * one JSON object per line (log4j's console appender follows {@link System#setOut}).
 *
 * <p>{@link #of} keeps the JSON lines and tells metric lines from log lines; {@link #linesOf}
 * returns the raw text lines.
 */
public final class StandardOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> lines;

    private StandardOutput(List<JsonNode> lines) {
        this.lines = lines;
    }

    /** Runs {@code code} and keeps every JSON line it wrote to standard output. */
    public static StandardOutput of(Runnable code) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : capture(code).lines().filter(l -> l.startsWith("{")).toList()) {
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return new StandardOutput(lines);
    }

    /** Runs {@code code} and returns every non-blank line it wrote to standard output, as text. */
    public static List<String> linesOf(Runnable code) {
        return capture(code).lines().filter(l -> !l.isBlank()).toList();
    }

    /** The embedded-metric lines (they carry an {@code _aws} directive) that report {@code metric}. */
    public List<JsonNode> metric(String metric) {
        return lines.stream().filter(line -> line.has("_aws") && line.has(metric)).toList();
    }

    /** Every embedded-metric line, whatever it reports. */
    public List<JsonNode> metricLines() {
        return lines.stream().filter(line -> line.has("_aws")).toList();
    }

    /** The log lines (everything that is not an embedded metric). */
    public List<JsonNode> logLines() {
        return lines.stream().filter(line -> !line.has("_aws")).toList();
    }

    private static String capture(Runnable code) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
