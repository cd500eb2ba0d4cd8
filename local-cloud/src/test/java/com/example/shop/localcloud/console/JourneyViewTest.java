package com.example.shop.localcloud.console;

import com.example.shop.localcloud.journey.Hop;
import com.example.shop.localcloud.journey.Timeline;
import com.example.shop.localcloud.model.FunctionDef;
import com.example.shop.localcloud.model.LocalSystem;
import com.example.shop.localcloud.model.SqsSource;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyViewTest {

    private static final String QUEUE_URL = "http://emulator/000000000000/shop-ReserveStockQueue";
    private static final String RELEASE_URL = "http://emulator/000000000000/shop-ReleaseStockQueue";
    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    private final LocalSystem system = new LocalSystem(
            Map.of("PlaceOrderFunction", function("PlaceOrderFunction", "order"),
                    "ReserveStockFunction", function("ReserveStockFunction", "inventory"),
                    "ReleaseStockFunction", function("ReleaseStockFunction", "inventory")),
            List.of(new SqsSource("ReserveStockFunction", "arn:aws:sqs:us-east-1:0:shop-ReserveStockQueue", QUEUE_URL,
                            10, true, 0),
                    new SqsSource("ReleaseStockFunction", "arn:aws:sqs:us-east-1:0:shop-ReleaseStockQueue", RELEASE_URL,
                            10, true, 0)),
            List.of(), List.of(),
            Map.of("ReserveStockQueue", QUEUE_URL, "ReleaseStockQueue", RELEASE_URL,
                    "ReserveStockDlq", "http://emulator/000000000000/shop-ReserveStockDlq"),
            Map.of());

    @Test
    void a_request_a_publication_and_a_delivery_become_arrows_between_lanes() {
        JsonNode journey = new JourneyView(system).toJson(timeline(
                hop(0, Hop.Kind.REQUEST, "PlaceOrderFunction", "POST /orders", "r-1", "202"),
                hop(10, Hop.Kind.PUBLISHED, "shop.orders", "OrderPlaced", "e-1", null),
                hop(20, Hop.Kind.HANDLED, "ReserveStockFunction", "OrderPlaced", "e-1", "SUCCEEDED")));

        assertThat(journey.path("lanes")).extracting(JsonNode::asText).containsExactly("client", "order", "bus", "inventory");
        assertThat(arrows(journey)).containsExactly(
                "client->order POST /orders", "order->bus OrderPlaced", "bus->inventory OrderPlaced");
        JsonNode delivery = journey.path("hops").get(2);
        assertThat(delivery.path("queue").asText()).isEqualTo("ReserveStockQueue");
        assertThat(delivery.path("function").asText()).isEqualTo("ReserveStockFunction");
        assertThat(delivery.path("offsetMs").asLong()).isEqualTo(20);
        assertThat(delivery.path("compensation").asBoolean()).isFalse();
    }

    @Test
    void reads_of_the_order_are_counted_but_not_drawn() {
        JsonNode journey = new JourneyView(system).toJson(timeline(
                hop(0, Hop.Kind.REQUEST, "PlaceOrderFunction", "POST /orders", "r-1", "202"),
                hop(5, Hop.Kind.REQUEST, "GetOrderFunction", "GET /orders/{id}", "r-2", "200"),
                hop(10, Hop.Kind.PUBLISHED, "shop.orders", "OrderPlaced", "e-1", null)));

        assertThat(arrows(journey)).containsExactly("client->order POST /orders", "order->bus OrderPlaced");
        assertThat(journey.path("hops")).extracting(h -> h.path("n").asInt()).containsExactly(1, 2);
        assertThat(journey.path("readsLeftOut").asInt()).isEqualTo(1);
    }

    @Test
    void compensations_and_failures_are_marked() {
        JsonNode journey = new JourneyView(system).toJson(timeline(
                hop(0, Hop.Kind.HANDLED, "ReleaseStockFunction", "OrderCancelled", "e-2", "SUCCEEDED"),
                hop(5, Hop.Kind.PUBLISHED, "shop.inventory", "StockReleased", "e-3", null),
                hop(9, Hop.Kind.HANDLED, "ReserveStockFunction", "OrderPlaced", "e-1", "FAILED"),
                hop(9, Hop.Kind.DEAD_LETTERED, "shop-ReserveStockDlq", "OrderPlaced", "e-1", "from shop-ReserveStockQueue")));

        assertThat(journey.path("hops")).extracting(h -> h.path("compensation").asBoolean())
                .containsExactly(true, true, false, false);
        assertThat(journey.path("hops")).extracting(h -> h.path("failed").asBoolean())
                .containsExactly(false, false, true, true);
        JsonNode deadLettered = journey.path("hops").get(3);
        assertThat(deadLettered.path("queue").asText()).isEqualTo("ReserveStockDlq");
        assertThat(deadLettered.path("to").asText()).isEqualTo("inventory");
        assertThat(deadLettered.path("detail").asText()).isEqualTo("ReserveStockQueue → ReserveStockDlq");
    }

    private static List<String> arrows(JsonNode journey) {
        List<String> arrows = new ArrayList<>();
        journey.path("hops").forEach(h -> arrows.add(h.path("from").asText() + "->" + h.path("to").asText() + " "
                + h.path("label").asText()));
        return arrows;
    }

    private static Timeline timeline(Hop... hops) {
        return new Timeline("o-1", Set.of("c-1"), List.of(hops));
    }

    private static Hop hop(int ms, Hop.Kind kind, String actor, String type, String id, String outcome) {
        return new Hop(T0.plusMillis(ms), kind, actor, type, id, null, "c-1", "o-1",
                kind == Hop.Kind.PUBLISHED ? null : Duration.ofMillis(3), outcome);
    }

    private static FunctionDef function(String id, String service) {
        return new FunctionDef(id, "com.example.Handler", "handleRequest", Map.of("POWERTOOLS_SERVICE_NAME", service), 30, 512);
    }
}
