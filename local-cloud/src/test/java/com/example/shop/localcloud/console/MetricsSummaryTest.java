package com.example.shop.localcloud.console;

import com.example.shop.localcloud.console.FunctionOutput.MetricPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsSummaryTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void orders_are_counted_by_the_metric_of_each_outcome_within_the_window() {
        List<MetricPoint> points = List.of(
                point(1, "OrdersPlaced", 1), point(1, "OrdersPlaced", 1), point(2, "OrdersPlaced", 1),
                point(1, "ShipmentsScheduled", 1), point(2, "PaymentsDeclined", 1),
                point(30, "OrdersPlaced", 1));

        MetricsSummary summary = MetricsSummary.of(points, NOW, Duration.ofMinutes(15));

        assertThat(summary.outcomes()).extracting(MetricsSummary.Outcome::label, MetricsSummary.Outcome::count)
                .startsWith(org.assertj.core.groups.Tuple.tuple("placed", 3L))
                .contains(org.assertj.core.groups.Tuple.tuple("shipped", 1L),
                        org.assertj.core.groups.Tuple.tuple("payment declined", 1L),
                        org.assertj.core.groups.Tuple.tuple("carrier refused", 0L));
        assertThat(summary.counts()).containsEntry("OrdersPlaced", 3L);
    }

    @Test
    void saga_durations_give_nearest_rank_percentiles() {
        List<MetricPoint> points = new ArrayList<>();
        for (int ms = 1; ms <= 100; ms++) {
            points.add(point(1, "SagaDuration", ms * 10));
        }

        MetricsSummary.Percentiles saga = MetricsSummary.of(points, NOW, Duration.ofMinutes(5)).sagaDuration();

        assertThat(saga.count()).isEqualTo(100);
        assertThat(saga.p50()).isEqualTo(500);
        assertThat(saga.p90()).isEqualTo(900);
        assertThat(saga.p99()).isEqualTo(990);
        assertThat(saga.max()).isEqualTo(1000);
    }

    @Test
    void no_saga_in_the_window_gives_zeros() {
        assertThat(MetricsSummary.of(List.of(point(20, "SagaDuration", 700)), NOW, Duration.ofMinutes(5)).sagaDuration())
                .isEqualTo(new MetricsSummary.Percentiles(0, 0, 0, 0, 0));
    }

    private static MetricPoint point(int minutesAgo, String metric, double value) {
        return new MetricPoint(NOW.minus(Duration.ofMinutes(minutesAgo)), metric, value, "o-1");
    }
}
