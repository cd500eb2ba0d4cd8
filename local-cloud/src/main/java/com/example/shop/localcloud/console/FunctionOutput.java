package com.example.shop.localcloud.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the functions write to standard output, kept in memory for the console: their JSON log
 * lines and the embedded-metric-format (EMF) lines, exactly what CloudWatch Logs would ingest on
 * Lambda. All functions share the local runtime's JVM, so it tees {@code System.out}: everything
 * still reaches the real standard output, and each complete line is also read once.
 *
 * <p>Both buffers are bounded (oldest dropped first): the console shows recent activity, it is
 * not a log store.
 */
public final class FunctionOutput extends OutputStream {

    /** A structured log line of a function, with the fields the console filters on. */
    public record LogLine(Instant at, String function, String correlationId, JsonNode line) {
    }

    /** One value of one embedded metric, e.g. {@code SagaDuration = 812} at its timestamp. */
    public record MetricPoint(Instant at, String metric, double value, String orderId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int logCapacity;
    private final int metricCapacity;
    private final Deque<LogLine> logs = new ArrayDeque<>();
    private final Deque<MetricPoint> metrics = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final PrintStream passThrough;
    private PrintStream installed;

    /**
     * @param passThrough    where every byte goes on to, the real standard output
     * @param logCapacity    how many log lines to keep
     * @param metricCapacity how many metric values to keep
     */
    public FunctionOutput(PrintStream passThrough, int logCapacity, int metricCapacity) {
        this.passThrough = passThrough;
        this.logCapacity = logCapacity;
        this.metricCapacity = metricCapacity;
    }

    /** Tees {@code System.out} into a new buffer (10,000 log lines, 50,000 metric values). */
    public static FunctionOutput install() {
        FunctionOutput output = new FunctionOutput(System.out, 10_000, 50_000);
        output.installed = new PrintStream(output, true, StandardCharsets.UTF_8);
        System.setOut(output.installed);
        return output;
    }

    /**
     * Gives {@code System.out} back, unless someone replaced it since (then this stays in their
     * chain, passing everything through).
     */
    public void uninstall() {
        if (installed != null && System.out == installed) {
            System.setOut(passThrough);
        }
    }

    /** The log lines carrying {@code correlationId}, oldest first, at most {@code limit} of the newest. */
    public synchronized List<LogLine> logsOf(String correlationId, Predicate<LogLine> also, int limit) {
        List<LogLine> found = new ArrayList<>();
        for (LogLine log : logs) {
            if (correlationId.equals(log.correlationId()) && also.test(log)) {
                found.add(log);
            }
        }
        return found.size() <= limit ? found : found.subList(found.size() - limit, found.size());
    }

    /** The metric values recorded at or after {@code since}, oldest first. */
    public synchronized List<MetricPoint> metricsSince(Instant since) {
        return metrics.stream().filter(point -> !point.at().isBefore(since)).toList();
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        passThrough.write(bytes, offset, length);
        synchronized (this) {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, start, i - start);
                    read(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    start = i + 1;
                }
            }
            line.write(bytes, start, offset + length - start);
        }
    }

    @Override
    public void flush() {
        passThrough.flush();
    }

    /** Reads one complete line; lines that are not JSON objects (plain text) are not kept. */
    void read(String text) {
        if (!text.startsWith("{")) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (Exception notJson) {
            return;
        }
        if (node.has("_aws")) {
            readMetrics(node);
        } else if (node.hasNonNull("correlationId")) {
            keep(logs, logCapacity, new LogLine(timeOf(node), node.path("function_name").asText(""),
                    node.get("correlationId").asText(), node));
        }
    }

    private void readMetrics(JsonNode node) {
        Instant at = Instant.ofEpochMilli(node.path("_aws").path("Timestamp").asLong(System.currentTimeMillis()));
        String orderId = node.path("orderId").asText(null);
        for (JsonNode directive : node.path("_aws").path("CloudWatchMetrics")) {
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                JsonNode value = node.path(name);
                if (value.isNumber()) {
                    keep(metrics, metricCapacity, new MetricPoint(at, name, value.asDouble(), orderId));
                } else if (value.isArray()) {
                    value.forEach(v -> keep(metrics, metricCapacity, new MetricPoint(at, name, v.asDouble(), orderId)));
                }
            }
        }
    }

    private static Instant timeOf(JsonNode node) {
        try {
            return Instant.parse(node.path("timestamp").asText());
        } catch (Exception noTimestamp) {
            return Instant.now();
        }
    }

    private static <T> void keep(Deque<T> buffer, int capacity, T item) {
        buffer.addLast(item);
        while (buffer.size() > capacity) {
            buffer.removeFirst();
        }
    }
}
