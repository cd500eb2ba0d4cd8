package com.example.shop.localcloud.e2e;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.emulator.EmulatorExtension;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.example.shop.localcloud.journey.Hop;
import com.example.shop.localcloud.journey.Timeline;
import com.example.shop.localcloud.runtime.LambdaRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following one order across every hop, on the local cloud with every message delivered twice:
 * every log line written for the order carries its correlation id, the journey lists the hops in
 * causal order, and each business metric is emitted exactly once despite the duplicates.
 */
class ObservabilityIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static PrintStream originalOut;
    private static Shop shop;

    @BeforeAll
    static void start() {
        originalOut = System.out;
        // the functions' JSON logs and metric lines go to standard output, as on Lambda; this class
        // keeps them (and spares the console the flood)
        System.setOut(new PrintStream(new Capture(CAPTURED), true, StandardCharsets.UTF_8));
        var template = PythonEnvironment.locate().root().resolve("infra/template.yaml");
        var options = LocalCloud.Options.forTemplate(template)
                .withRuntime(LambdaRuntime.Options.defaults().withDuplicateDelivery(true));
        shop = new Shop(LocalCloud.startOn(EMULATOR.emulator(), EMULATOR.python(), options));
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        shop.close();
        shop.cloud.close();
        System.setOut(originalOut);
        // kept for diagnosis (in the git-ignored .local-cloud folder): every JSON log and metric
        // line the functions wrote during this class
        java.nio.file.Files.write(PythonEnvironment.locate().home().resolve("observability-it-stdout.log"),
                CAPTURED.toByteArray());
    }

    @Test
    void one_order_can_be_followed_across_every_hop() {
        String product = shop.newProduct(4_200, 5);
        String correlationId = "obs-" + UUID.randomUUID();
        String customer = shop.newCustomer();

        var placed = shop.api.placeOrder(customer, null, "pm-card-visa", Map.of(product, 1), correlationId);
        assertThat(placed.status()).isEqualTo(202);
        String orderId = placed.body().path("orderId").asText();
        shop.awaitStatus(customer, orderId, "SHIPPED");
        // the last hops (notifications of the shipment) settle after the status
        Await.until("the notifications are sent", () -> shop.depth("NotifyCustomerQueue") + shop.depth("EmailQueue")
                + shop.depth("ShipmentSmsQueue"), depth -> depth == 0);

        List<JsonNode> lines = linesAbout(orderId);
        assertThat(lines).as("log lines written for the order").hasSizeGreaterThan(10);
        assertThat(lines).as("every line about the order carries its correlation id")
                .allSatisfy(line -> assertThat(line.path("correlationId").asText()).isEqualTo(correlationId));
        Set<String> functions = lines.stream().map(l -> l.path("function_name").asText()).filter(f -> !f.isEmpty())
                .collect(Collectors.toSet());
        assertThat(functions).contains("PlaceOrderFunction", "OrderOutboxFunction", "ReserveStockFunction",
                "ChargePaymentFunction", "ScheduleShipmentFunction", "UpdateOrderStatusFunction", "NotifyCustomerFunction");

        Timeline timeline = shop.cloud.timeline(orderId);
        assertThat(timeline.correlationIds()).containsExactly(correlationId);
        assertThat(steps(timeline)).containsSubsequence(
                "REQUEST PlaceOrderFunction POST /orders",
                "PUBLISHED shop.orders OrderPlaced",
                "HANDLED ReserveStockFunction OrderPlaced",
                "PUBLISHED shop.inventory StockReserved",
                "HANDLED ChargePaymentFunction StockReserved",
                "PUBLISHED shop.payments PaymentCharged",
                "HANDLED ScheduleShipmentFunction PaymentCharged",
                "PUBLISHED shop.shipping ShipmentScheduled",
                "HANDLED UpdateOrderStatusFunction ShipmentScheduled");
        assertThat(timeline.mermaid()).startsWith("sequenceDiagram").contains("Bus->>ReserveStockFunction: OrderPlaced");

        // OrderPlaced, StockReserved and PaymentCharged carry the customer's e-mail and address
        // (ShopClient ships to Grace Hopper, 1 Harbour Road, Arlington); the journal keeps ids only
        assertThat(shop.cloud.journalLines(orderId)).as("the event journal's lines about the order")
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(line -> assertThat(line).contains(correlationId)
                        .doesNotContain("@example.com", "Grace Hopper", "Harbour Road", "Arlington"));

        Map<String, Long> metrics = metricsFor(orderId);
        assertThat(metrics).as("each business metric exactly once, although every event arrived twice")
                .containsEntry("OrdersPlaced", 1L).containsEntry("OrderValue", 1L)
                .containsEntry("PaymentsCharged", 1L).containsEntry("ShipmentsScheduled", 1L)
                .containsEntry("SagaDuration", 1L).doesNotContainKeys("StockUnavailable", "PaymentsDeclined");
    }

    @Test
    void a_declined_payment_is_counted_once() {
        String product = shop.newProduct(1_000, 5);
        String customer = shop.newCustomer();
        String orderId = shop.placeOrder(customer, "pm-decline-do-not-honor", product, 1);
        shop.awaitHistory(customer, orderId, "PaymentDeclined", "StockReleased");

        assertThat(metricsFor(orderId)).containsEntry("PaymentsDeclined", 1L).doesNotContainKey("PaymentsCharged");
    }

    private static List<String> steps(Timeline timeline) {
        return timeline.hops().stream().map(h -> h.kind() + " " + h.actor() + " " + h.eventType()).toList();
    }

    /** Structured log lines (not metric lines) that name the order. */
    private static List<JsonNode> linesAbout(String orderId) {
        return jsonLines().stream().filter(l -> !l.has("_aws"))
                .filter(l -> orderId.equals(l.path("orderId").asText()) || l.path("message").asText().contains(orderId))
                .toList();
    }

    /** How often each embedded metric was emitted for the order. */
    private static Map<String, Long> metricsFor(String orderId) {
        return jsonLines().stream().filter(l -> l.has("_aws") && orderId.equals(l.path("orderId").asText()))
                .flatMap(l -> {
                    List<String> names = new ArrayList<>();
                    l.path("_aws").path("CloudWatchMetrics").forEach(d -> d.path("Metrics")
                            .forEach(m -> names.add(m.path("Name").asText())));
                    return names.stream();
                })
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
    }

    private static List<JsonNode> jsonLines() {
        String text;
        synchronized (CAPTURED) {
            text = CAPTURED.toString(StandardCharsets.UTF_8);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (java.io.IOException notJson) {
                    // a line interleaved with another thread's output: not one of ours to judge
                }
            }
        }
        return lines;
    }

    /** Standard output into the capture, safe for the runtime's many threads. */
    private static final class Capture extends OutputStream {
        private final ByteArrayOutputStream capture;

        Capture(ByteArrayOutputStream capture) {
            this.capture = capture;
        }

        @Override
        public void write(int b) {
            synchronized (capture) {
                capture.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (capture) {
                capture.write(b, off, len);
            }
        }
    }
}
