package com.example.shop.inventory.handler;

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
 */
final class StandardOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> lines;

    private StandardOutput(List<JsonNode> lines) {
        this.lines = lines;
    }

    /** Runs {@code code} and keeps every JSON line it wrote to standard output. */
    static StandardOutput of(Runnable code) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).toList()) {
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return new StandardOutput(lines);
    }

    /** The embedded-metric lines (they carry an {@code _aws} directive) that report {@code metric}. */
    List<JsonNode> metric(String metric) {
        return lines.stream().filter(line -> line.has("_aws") && line.has(metric)).toList();
    }

    /** The log lines (everything that is not an embedded metric). */
    List<JsonNode> logLines() {
        return lines.stream().filter(line -> !line.has("_aws")).toList();
    }
}
