package com.example.shop.platform;

import com.example.shop.platform.testing.StandardOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShopMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopMetrics metrics = new ShopMetrics(Map.of("POWERTOOLS_SERVICE_NAME", "order",
            "POWERTOOLS_METRICS_NAMESPACE", "ServerlessShop"));

    @Test
    void a_count_is_one_embedded_metric_line_with_the_order_and_correlation_as_metadata() throws Exception {
        List<String> lines = StandardOutput.linesOf(() -> metrics.count("OrdersPlaced", "order-1", "corr-1"));

        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.getFirst());
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("ServerlessShop");
        assertThat(directive.path("Dimensions").toString()).contains("service");
        assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("OrdersPlaced");
        assertThat(line.path("OrdersPlaced").asDouble()).isEqualTo(1.0);
        assertThat(line.path("service").asText()).isEqualTo("order");
        assertThat(line.path("orderId").asText()).isEqualTo("order-1");
        assertThat(line.path("correlationId").asText()).isEqualTo("corr-1");
    }

    @Test
    void two_facts_are_two_lines_never_merged() {
        List<String> lines = StandardOutput.linesOf(() -> {
            metrics.count("PaymentsCharged", "order-1", "corr-1");
            metrics.count("PaymentsCharged", "order-2", "corr-2");
        });

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("order-1").doesNotContain("order-2");
        assertThat(lines.get(1)).contains("order-2");
    }
}
