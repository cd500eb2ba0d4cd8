package com.example.shop.shipping.handler;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.PaymentCharged;
import com.example.shop.platform.testing.InMemoryEventPublisher;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.platform.testing.TestObservability;
import com.example.shop.platform.testing.LambdaTestContext;
import com.example.shop.platform.testing.StandardOutput;
import com.example.shop.shipping.domain.ScheduleShipment;
import com.example.shop.shipping.testing.Fixtures;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.shipping.testing.InMemoryShipmentRepository;
import com.example.shop.shipping.testing.RecordingCarrierBookings;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the schedule-shipment function tells operators: one {@code ShipmentsScheduled} per booked
 * parcel, however often the payment is delivered or republished, and log lines that name the
 * order and its saga.
 */
class ShipmentMetricsTest {

    private static final String REPUBLISHED_ID = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";

    private final InMemoryShipmentRepository shipments = new InMemoryShipmentRepository();
    private final InMemoryEventPublisher bus = new InMemoryEventPublisher();
    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    private final SequentialIds ids = SequentialIds.prefixed("id-");
    private final RecordingCarrierBookings carriers = RecordingCarrierBookings.simulated(ids, Fixtures.CLOCK);
    private final ScheduleShipmentHandler handler = new ScheduleShipmentHandler(
            new ScheduleShipment(shipments, carriers, ids, Fixtures.CLOCK), Fixtures.CODEC, processed,
            bus, TestObservability.of("shipping"));
    private final EventEnvelope<PaymentCharged> charged = Fixtures.paymentCharged();

    @Test
    void a_booked_parcel_is_counted_once_as_shipments_scheduled_with_its_order_and_correlation() {
        StandardOutput output = StandardOutput.of(() -> handler.handleRequest(Fixtures.sqs(charged), Fixtures.context()));

        assertThat(output.metric("ShipmentsScheduled")).singleElement().satisfies(line -> {
            assertThat(line.path("ShipmentsScheduled").asDouble()).isEqualTo(1.0);
            assertThat(line.path("orderId").asText()).isEqualTo(charged.data().orderId());
            assertThat(line.path("correlationId").asText()).isEqualTo(charged.metadata().correlationId());
            assertThat(line.path("service").asText()).isEqualTo("shipping");
        });
    }

    @Test
    void the_same_payment_delivered_again_is_not_counted_again() {
        handler.handleRequest(Fixtures.sqs(charged), Fixtures.context());

        StandardOutput redelivery = StandardOutput.of(() ->
                handler.handleRequest(Fixtures.sqs(charged), Fixtures.context()));

        assertThat(redelivery.metric("ShipmentsScheduled")).isEmpty();
        assertThat(bus.published()).hasSize(1);
    }

    @Test
    void the_same_order_republished_under_another_event_id_announces_the_stored_shipment_but_is_not_counted_again() {
        handler.handleRequest(Fixtures.sqs(charged), Fixtures.context());

        StandardOutput republish = StandardOutput.of(() -> handler.handleRequest(
                Fixtures.sqs(Fixtures.republished(charged, REPUBLISHED_ID)), Fixtures.context()));

        assertThat(republish.metric("ShipmentsScheduled")).isEmpty();
        assertThat(bus.published()).hasSize(2);
        assertThat(shipments.size()).isEqualTo(1);
    }

    @Test
    void a_parcel_whose_announcement_failed_is_counted_by_the_delivery_that_booked_it_and_not_by_the_retry() {
        bus.failNext(1);

        StandardOutput failed = StandardOutput.of(() -> handler.handleRequest(Fixtures.sqs(charged), Fixtures.context()));
        StandardOutput retried = StandardOutput.of(() ->
                handler.handleRequest(Fixtures.sqs(charged), Fixtures.context()));

        assertThat(failed.metric("ShipmentsScheduled")).hasSize(1);
        assertThat(retried.metric("ShipmentsScheduled")).isEmpty();
        assertThat(bus.published()).hasSize(1);
    }

    @Test
    void a_refused_parcel_is_counted_once_as_shipments_failed() {
        EventEnvelope<PaymentCharged> toNorthKorea = Fixtures.paymentCharged("KP");

        StandardOutput first = StandardOutput.of(() -> handler.handleRequest(Fixtures.sqs(toNorthKorea), Fixtures.context()));
        processed.forget();
        StandardOutput redelivery = StandardOutput.of(() ->
                handler.handleRequest(Fixtures.sqs(toNorthKorea), Fixtures.context()));

        assertThat(first.metric("ShipmentsFailed")).singleElement().satisfies(line -> {
            assertThat(line.path("ShipmentsFailed").asDouble()).isEqualTo(1.0);
            assertThat(line.path("orderId").asText()).isEqualTo(toNorthKorea.data().orderId());
        });
        assertThat(first.metric("ShipmentsScheduled")).isEmpty();
        assertThat(redelivery.metric("ShipmentsFailed")).isEmpty();
        assertThat(bus.published()).hasSize(2);
    }

    @Test
    void the_announcement_log_line_names_the_saga_the_event_and_the_order() {
        LambdaTestContext context = new LambdaTestContext("schedule-shipment");

        StandardOutput output = StandardOutput.of(() -> handler.handleRequest(Fixtures.sqs(charged), context));

        JsonNode announced = output.logLines().stream()
                .filter(line -> line.path("message").asText().startsWith("Shipment "))
                .findFirst().orElseThrow();
        assertThat(announced.path("correlationId").asText()).isEqualTo(charged.metadata().correlationId());
        assertThat(announced.path("eventId").asText()).isEqualTo(charged.eventId());
        assertThat(announced.path("orderId").asText()).isEqualTo(charged.data().orderId());
        assertThat(announced.path("service").asText()).isEqualTo("shipping");
        assertThat(announced.path("function_name").asText()).isEqualTo("schedule-shipment");
        assertThat(announced.path("function_request_id").asText()).isEqualTo(context.getAwsRequestId());
    }
}
