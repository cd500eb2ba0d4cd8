package com.example.shop.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load benchmark's result: a Markdown summary (written between two marker lines of
 * {@code docs/performance.md}, one section per emulator backend, so the prose around it stays
 * hand-written), the latency chart of the last run as SVG and every figure as JSON, both in
 * {@code docs/performance/}.
 */
record LoadReport(String emulator, Instant at, double idleCpuPercent, int idleSeconds, List<LoadRun.Result> runs,
                  boolean step, long p99TargetMs) {

    private String backend() {
        return emulator.split(" ")[0].toLowerCase(Locale.ROOT);
    }

    private String begin() {
        return "<!-- load-benchmark:" + backend() + ":begin (written by the load benchmark) -->";
    }

    private String end() {
        return "<!-- load-benchmark:" + backend() + ":end -->";
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Measured %s on **%s**, %s. Emulator at rest: **%.1f %%** of a core "
                + "(%d s, pollers only).%n%n", at, emulator, OrderMix.describe(), idleCpuPercent, idleSeconds));
        md.append("| orders/s | offered | accepted | terminal | lost | p50 ms | p90 ms | p99 ms | max ms | sustained/s "
                + "| emulator CPU-s per order | emulator RSS before → after MB | RSS growth per 1,000 orders MB |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LoadRun.Result r : runs) {
            long growthKb = r.emulatorRssKbAfter() - r.emulatorRssKbBefore();
            md.append(String.format(Locale.ROOT, "| %.1f | %d | %d | %d | %d | %d | %d | %d | %d | %.2f | %.3f | %d → %d | %s |%n",
                    r.rate(), r.offered(), r.accepted(), r.terminal(), r.lost(), r.p(50), r.p(90), r.p(99),
                    r.latencyMs().getTotalCount() == 0 ? -1 : r.latencyMs().getMaxValue(), r.sustainedPerSecond(),
                    r.emulatorCpuSecondsPerOrder(), r.emulatorRssKbBefore() / 1024, r.emulatorRssKbAfter() / 1024,
                    r.accepted() == 0 || r.emulatorRssKbBefore() < 0 ? "–"
                            : String.format(Locale.ROOT, "%.0f", growthKb / 1024.0 * 1000 / r.accepted())));
        }
        if (step) {
            double best = runs.stream().filter(r -> r.lost() == 0 && r.p(99) >= 0 && r.p(99) <= p99TargetMs)
                    .mapToDouble(LoadRun.Result::rate).max().orElse(0);
            md.append(String.format(Locale.ROOT, "%nHighest rate with p99 ≤ %d ms and nothing lost: **%.1f orders/s**.%n",
                    p99TargetMs, best));
        }
        md.append(String.format(Locale.ROOT, "%n![placed → terminal latency over the run, %s](performance/load-%s.svg)%n",
                backend(), backend()));
        return md.toString();
    }

    void write(Path markdownFile, Path outDir) throws IOException {
        LoadRun.Result last = runs.getLast();
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("load-" + backend() + ".svg"), LatencyChart.svg(String.format(Locale.ROOT,
                "Placed → terminal latency, %.1f orders/s for %d s on %s", last.rate(), last.duration().toSeconds(), emulator),
                last.points(), last.duration().toSeconds()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("measuredAt", at.toString());
        root.put("emulator", emulator);
        root.put("mix", OrderMix.describe());
        root.put("emulatorIdleCpuPercent", idleCpuPercent);
        root.put("runs", runs.stream().map(LoadBenchmark::json).toList());
        LoadBenchmark.writeJson(outDir.resolve("load-" + backend() + ".json"), root);
        String section = begin() + "\n" + markdown() + end();
        String existing = Files.exists(markdownFile) ? Files.readString(markdownFile) : "# Performance\n";
        int b = existing.indexOf(begin());
        int e = existing.indexOf(end());
        Files.writeString(markdownFile, b >= 0 && e > b
                ? existing.substring(0, b) + section + existing.substring(e + end().length())
                : existing + "\n" + section + "\n");
    }
}
