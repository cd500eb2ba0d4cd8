package com.example.shop.localcloud.console;

import com.example.shop.localcloud.console.FunctionOutput.MetricPoint;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's metrics over a recent window, from the functions' own embedded-metric lines: how
 * many orders reached each outcome (each outcome is the business metric its function emits once
 * per order) and the saga's duration percentiles ({@code SagaDuration}, placing to shipment).
 *
 * @param window       how far back it looks
 * @param since        the window's start
 * @param counts       every metric's number of values in the window, by name
 * @param outcomes     the order outcomes, in saga order, with their counts
 * @param sagaDuration the saga duration percentiles in milliseconds
 */
public record MetricsSummary(Duration window, Instant since, Map<String, Long> counts, List<Outcome> outcomes,
                             Percentiles sagaDuration) {

    /** An order outcome and the metric that counts it. */
    public record Outcome(String label, String metric, long count) {
    }

    /**
     * Nearest-rank percentiles of a set of values (HdrHistogram, whole milliseconds, three
     * significant digits: exact below 2 s); all zero when there are none.
     *
     * @param count how many values
     */
    public record Percentiles(int count, double p50, double p90, double p99, double max) {

        static Percentiles of(List<Double> values) {
            if (values.isEmpty()) {
                return new Percentiles(0, 0, 0, 0, 0);
            }
            Histogram histogram = new Histogram(3);
            values.forEach(value -> histogram.recordValue(Math.max(0, Math.round(value))));
            return new Percentiles(values.size(), histogram.getValueAtPercentile(50),
                    histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99), histogram.getMaxValue());
        }
    }

    /** The metric that times the saga, in milliseconds. */
    public static final String SAGA_DURATION = "SagaDuration";

    /** Outcome label → the metric its function emits, once per order that reaches it. */
    static final Map<String, String> OUTCOMES;

    static {
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put("placed", "OrdersPlaced");
        outcomes.put("out of stock", "StockUnavailable");
        outcomes.put("payment declined", "PaymentsDeclined");
        outcomes.put("payment failed", "PaymentsFailed");
        outcomes.put("carrier refused", "ShipmentsFailed");
        outcomes.put("shipped", "ShipmentsScheduled");
        outcomes.put("shipment cancelled", "ShipmentsCancelled");
        OUTCOMES = java.util.Collections.unmodifiableMap(outcomes);
    }

    public MetricsSummary {
        counts = Map.copyOf(counts);
        outcomes = List.copyOf(outcomes);
    }

    /** Summarises the metric values of the last {@code window} before {@code now}. */
    public static MetricsSummary of(List<MetricPoint> points, Instant now, Duration window) {
        Instant since = now.minus(window);
        Map<String, Long> counts = new TreeMap<>();
        List<Double> sagaDurations = new ArrayList<>();
        for (MetricPoint point : points) {
            if (point.at().isBefore(since)) {
                continue;
            }
            counts.merge(point.metric(), 1L, Long::sum);
            if (SAGA_DURATION.equals(point.metric())) {
                sagaDurations.add(point.value());
            }
        }
        List<Outcome> outcomes = OUTCOMES.entrySet().stream()
                .map(e -> new Outcome(e.getKey(), e.getValue(), counts.getOrDefault(e.getValue(), 0L)))
                .toList();
        return new MetricsSummary(window, since, counts, outcomes, Percentiles.of(sagaDurations));
    }
}
