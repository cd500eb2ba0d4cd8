package com.example.shop.inventory.handler;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.EventMetadata;
import com.example.shop.inventory.domain.ReserveStock;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import com.example.shop.platform.testing.InMemoryEventPublisher;
import com.example.shop.platform.testing.LambdaTestContext;
import com.example.shop.platform.testing.StandardOutput;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.example.shop.inventory.handler.Fixtures.CODEC;
import static com.example.shop.inventory.handler.Fixtures.golden;
import static com.example.shop.inventory.handler.Fixtures.sqs;
import static com.example.shop.inventory.handler.Fixtures.withEventId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reserve-stock function tells operators about the golden order (2 × beans, 1 × mug)
 * when only one bag of beans is in stock: one {@code StockUnavailable} metric per refused order,
 * whatever the number of deliveries, and log lines that name the order and its saga.
 */
class ReserveStockObservabilityTest {

    private static final String BEANS = "prod-espresso-beans-1kg";
    private static final String PLACED = golden("OrderPlaced");
    private static final EventMetadata PLACED_METADATA = Fixtures.read(PLACED).metadata();
    private static final String ORDER_ID = "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e";
    private static final String REPUBLISHED_ID = "0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:15:31Z"), ZoneOffset.UTC);
    private final InMemoryStockLedger ledger = new InMemoryStockLedger().withStock(BEANS, 1);
    private final InMemoryEventPublisher publisher = new InMemoryEventPublisher();
    private final ReserveStockHandler handler = new ReserveStockHandler(
            new ReserveStock(ledger, clock), CODEC, new InMemoryProcessedEvents(), publisher,
            TestObservability.of("inventory"));

    @Test
    void a_refused_order_is_counted_once_as_stock_unavailable_with_its_order_and_correlation() {
        StandardOutput output = StandardOutput.of(() -> handler.handleRequest(sqs(PLACED), Fixtures.context()));

        assertThat(output.metric("StockUnavailable")).singleElement().satisfies(line -> {
            assertThat(line.path("StockUnavailable").asDouble()).isEqualTo(1.0);
            assertThat(line.path("orderId").asText()).isEqualTo(ORDER_ID);
            assertThat(line.path("correlationId").asText()).isEqualTo(PLACED_METADATA.correlationId());
            assertThat(line.path("service").asText()).isEqualTo("inventory");
            assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("ServerlessShop");
        });
    }

    @Test
    void the_same_event_delivered_again_is_not_counted_again() {
        handler.handleRequest(sqs(PLACED), Fixtures.context());

        // A second SQS message with the same envelope: the consumer has already handled its event id.
        StandardOutput redelivery = StandardOutput.of(() -> handler.handleRequest(sqs(PLACED), Fixtures.context()));

        assertThat(redelivery.metric("StockUnavailable")).isEmpty();
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void the_same_order_republished_under_another_event_id_announces_the_recorded_refusal_again_but_is_not_counted_again() {
        handler.handleRequest(sqs(PLACED), Fixtures.context());

        StandardOutput republish = StandardOutput.of(() ->
                handler.handleRequest(sqs(withEventId(PLACED, REPUBLISHED_ID)), Fixtures.context()));

        assertThat(republish.metric("StockUnavailable")).isEmpty();
        assertThat(publisher.published()).extracting(EventEnvelope::eventId)
                .containsExactly(EventIds.derive(PLACED_METADATA.eventId(), "StockUnavailable"),
                        EventIds.derive(PLACED_METADATA.eventId(), "StockUnavailable"));
    }

    @Test
    void an_order_that_is_reserved_counts_no_stock_unavailable() {
        ledger.withStock(BEANS, 10).withStock("prod-ceramic-mug-350ml", 5);

        StandardOutput output = StandardOutput.of(() -> handler.handleRequest(sqs(PLACED), Fixtures.context()));

        assertThat(output.metric("StockUnavailable")).isEmpty();
    }

    @Test
    void every_line_written_while_handling_the_event_names_the_event_the_order_and_the_invocation() {
        LambdaTestContext context = new LambdaTestContext("reserve-stock");

        StandardOutput output = StandardOutput.of(() -> handler.handleRequest(sqs(PLACED), context));

        assertThat(output.logLines()).filteredOn(line -> line.path("message").asText().startsWith("Stock unavailable"))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("correlationId").asText()).isEqualTo(PLACED_METADATA.correlationId());
                    assertThat(line.path("eventId").asText()).isEqualTo(PLACED_METADATA.eventId());
                    assertThat(line.path("orderId").asText()).isEqualTo(ORDER_ID);
                    assertThat(line.path("service").asText()).isEqualTo("inventory");
                    assertThat(line.path("function_name").asText()).isEqualTo("reserve-stock");
                    assertThat(line.path("function_request_id").asText()).isEqualTo(context.getAwsRequestId());
                });
    }

    @Test
    void the_cold_start_is_counted_only_on_the_first_invocation_of_the_execution_environment() {
        StandardOutput first = StandardOutput.of(() -> handler.handleRequest(sqs(PLACED), Fixtures.context()));
        StandardOutput second = StandardOutput.of(() ->
                handler.handleRequest(sqs(withEventId(PLACED, REPUBLISHED_ID)), Fixtures.context()));

        assertThat(first.metric("ColdStart")).singleElement()
                .satisfies(line -> assertThat(line.path("function_name").asText()).isEqualTo("inventory-test"));
        assertThat(second.metric("ColdStart")).isEmpty();
    }
}
