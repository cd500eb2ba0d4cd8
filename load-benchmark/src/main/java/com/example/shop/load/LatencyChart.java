package com.example.shop.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * Placed → terminal latency over the run as an SVG: one dot per order at the moment it was placed,
 * coloured by its kind, and the p99 of each five-second window as a line; a dashed line marks the
 * 2-second target.
 */
final class LatencyChart {

    private static final int WIDTH = 860;
    private static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;
    private static final double WINDOW_SECONDS = 5;
    private static final long TARGET_MS = 2_000;

    private LatencyChart() {
    }

    static String svg(String title, List<LoadRun.Point> points, double durationSeconds) {
        long maxMs = Math.max(TARGET_MS + 500, points.stream().mapToLong(LoadRun.Point::latencyMs).max().orElse(0));
        double maxX = Math.max(durationSeconds, points.stream().mapToDouble(LoadRun.Point::placedSecond).max().orElse(1));
        double w = WIDTH - LEFT - RIGHT;
        double h = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\">%s</text>%n", LEFT, escape(title)));
        for (int i = 0; i <= 5; i++) {
            double ms = maxMs * i / 5.0;
            double y = TOP + h - h * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f ms</text>%n", LEFT, LEFT + w, y, y, LEFT - 6, y + 4, ms));
        }
        for (int i = 0; i <= 6; i++) {
            double s = maxX * i / 6.0;
            double x = LEFT + w * i / 6.0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f s</text>%n", x,
                    HEIGHT - BOTTOM + 18, s));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">order placed at (seconds into the run)</text>%n",
                LEFT + w / 2, HEIGHT - 8));
        double targetY = TOP + h - h * TARGET_MS / maxMs;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\" "
                + "stroke-dasharray=\"6 4\"/><text x=\"%.1f\" y=\"%.1f\" fill=\"#c00\" text-anchor=\"end\">2 s target</text>%n",
                LEFT, LEFT + w, targetY, targetY, LEFT + w, targetY - 4));
        Map<OrderMix.Kind, String> colours = Map.of(OrderMix.Kind.SHIPS, "#1f77b4", OrderMix.Kind.DECLINED, "#ff7f0e",
                OrderMix.Kind.CANCELLED, "#2ca02c", OrderMix.Kind.OUT_OF_STOCK, "#9467bd");
        TreeMap<Integer, Histogram> windows = new TreeMap<>();
        for (LoadRun.Point p : points) {
            double x = LEFT + w * p.placedSecond() / maxX;
            double y = TOP + h - h * p.latencyMs() / maxMs;
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"%s\" fill-opacity=\"0.7\"/>%n",
                    x, y, colours.get(p.kind())));
            windows.computeIfAbsent((int) (p.placedSecond() / WINDOW_SECONDS), k -> new Histogram(3))
                    .recordValue(p.latencyMs());
        }
        StringBuilder line = new StringBuilder();
        windows.forEach((window, histogram) -> {
            double x = LEFT + w * Math.min(maxX, (window + 0.5) * WINDOW_SECONDS) / maxX;
            double y = TOP + h - h * histogram.getValueAtPercentile(99) / maxMs;
            line.append(line.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        });
        if (!line.isEmpty()) {
            svg.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\"/>\n");
        }
        int legendX = LEFT + 10;
        for (OrderMix.Kind kind : OrderMix.Kind.values()) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    legendX, TOP + 8, colours.get(kind), legendX + 8, TOP + 12, kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            legendX += 110;
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"1.5\"/>"
                + "<text x=\"%d\" y=\"%d\">p99 per %.0f s</text>%n", legendX, legendX + 16, TOP + 8, TOP + 8, legendX + 20,
                TOP + 12, WINDOW_SECONDS));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
