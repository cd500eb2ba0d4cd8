package com.example.shop.localcloud.console;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionOutputTest {

    private final ByteArrayOutputStream real = new ByteArrayOutputStream();
    private final FunctionOutput output = new FunctionOutput(new PrintStream(real, true, StandardCharsets.UTF_8), 3, 3);
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void everything_written_still_reaches_standard_output() {
        out.println("plain text");
        out.print("{\"correlationId\":\"c-1\"}\n{\"partial\":");

        assertThat(real.toString(StandardCharsets.UTF_8)).isEqualTo("plain text\n{\"correlationId\":\"c-1\"}\n{\"partial\":");
    }

    @Test
    void log_lines_are_found_by_correlation_id_and_function() {
        out.println("{\"timestamp\":\"2026-12-04T10:00:00.000Z\",\"function_name\":\"PlaceOrderFunction\","
                + "\"correlationId\":\"c-1\",\"message\":\"placed\"}");
        out.println("{\"function_name\":\"ReserveStockFunction\",\"correlationId\":\"c-1\",\"message\":\"reserved\"}");
        out.println("{\"function_name\":\"ReserveStockFunction\",\"correlationId\":\"c-2\",\"message\":\"other\"}");
        out.println("not json at all");

        assertThat(output.logsOf("c-1", line -> true, 10)).extracting(l -> l.line().path("message").asText())
                .containsExactly("placed", "reserved");
        assertThat(output.logsOf("c-1", line -> line.function().equals("ReserveStockFunction"), 10)).hasSize(1);
        assertThat(output.logsOf("c-1", line -> true, 10).getFirst().at())
                .isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
    }

    @Test
    void metric_lines_become_metric_points_and_not_log_lines() {
        out.println("{\"_aws\":{\"Timestamp\":1796372453082,\"CloudWatchMetrics\":[{\"Namespace\":\"ServerlessShop\","
                + "\"Metrics\":[{\"Name\":\"SagaDuration\",\"Unit\":\"Milliseconds\"}],\"Dimensions\":[[\"service\"]]}]},"
                + "\"service\":\"order\",\"SagaDuration\":812.0,\"orderId\":\"o-1\",\"correlationId\":\"c-1\"}");

        assertThat(output.metricsSince(Instant.EPOCH)).singleElement().satisfies(point -> {
            assertThat(point.metric()).isEqualTo("SagaDuration");
            assertThat(point.value()).isEqualTo(812.0);
            assertThat(point.orderId()).isEqualTo("o-1");
            assertThat(point.at()).isEqualTo(Instant.ofEpochMilli(1796372453082L));
        });
        assertThat(output.logsOf("c-1", line -> true, 10)).isEmpty();
    }

    @Test
    void the_buffers_keep_only_the_newest_lines() {
        for (int i = 1; i <= 5; i++) {
            out.println("{\"correlationId\":\"c-1\",\"message\":\"" + i + "\"}");
        }

        assertThat(output.logsOf("c-1", line -> true, 10)).extracting(l -> l.line().path("message").asText())
                .containsExactly("3", "4", "5");
        assertThat(output.logsOf("c-1", line -> true, 2)).extracting(l -> l.line().path("message").asText())
                .containsExactly("4", "5");
    }
}
