package com.example.shop.localcloud.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the functions write to standard output while an order runs: on Lambda every byte of it is
 * ingested by CloudWatch Logs (their JSON log lines and the embedded-metric-format lines), and every
 * distinct metric in those EMF lines (name and dimension values) is a custom metric. Installed
 * around the measurement; it passes everything through to the real standard output.
 */
final class OutputTally extends OutputStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream original;
    private final AtomicLong bytes = new AtomicLong();
    private final Set<String> metrics = new TreeSet<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private OutputTally(PrintStream original) {
        this.original = original;
    }

    /** Replaces {@code System.out} with a tally that passes through to it. */
    static OutputTally install() {
        OutputTally tally = new OutputTally(System.out);
        System.setOut(new PrintStream(tally, true, StandardCharsets.UTF_8));
        return tally;
    }

    void uninstall() {
        System.setOut(original);
    }

    long bytes() {
        return bytes.get();
    }

    synchronized Set<String> metrics() {
        return Set.copyOf(metrics);
    }

    @Override
    public synchronized void write(int b) {
        original.write(b);
        bytes.incrementAndGet();
        if (b == '\n') {
            readMetrics(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() {
        original.flush();
    }

    private void readMetrics(String text) {
        if (!text.contains("\"_aws\"")) {
            return;
        }
        try {
            JsonNode log = JSON.readTree(text);
            for (JsonNode directive : log.path("_aws").path("CloudWatchMetrics")) {
                for (JsonNode dimensionSet : directive.path("Dimensions")) {
                    StringBuilder dims = new StringBuilder();
                    for (JsonNode dimension : dimensionSet) {
                        dims.append(dimension.asText()).append('=').append(log.path(dimension.asText()).asText()).append(',');
                    }
                    for (JsonNode metric : directive.path("Metrics")) {
                        metrics.add(directive.path("Namespace").asText() + "/" + metric.path("Name").asText() + " {" + dims + "}");
                    }
                }
            }
        } catch (Exception notJson) {
            // a line that only mentions _aws: no metric
        }
    }
}
