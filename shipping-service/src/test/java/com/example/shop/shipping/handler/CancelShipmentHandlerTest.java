package com.example.shop.shipping.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.ShipmentCancelled;
import com.example.shop.platform.testing.InMemoryEventPublisher;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.platform.testing.StandardOutput;
import com.example.shop.platform.testing.TestObservability;
import com.example.shop.shipping.domain.CancelMarker;
import com.example.shop.shipping.domain.CancelShipment;
import com.example.shop.shipping.domain.ScheduleShipment;
import com.example.shop.shipping.domain.ShipmentState;
import com.example.shop.shipping.domain.ShippingRecord;
import com.example.shop.shipping.testing.Fixtures;
import com.example.shop.shipping.testing.InMemoryShipmentRepository;
import com.example.shop.shipping.testing.RecordingCarrierBookings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CancelShipmentHandlerTest {

    private final InMemoryShipmentRepository shipments = new InMemoryShipmentRepository();
    private final SequentialIds ids = SequentialIds.prefixed("id-");
    private final RecordingCarrierBookings carriers = RecordingCarrierBookings.simulated(ids, Fixtures.CLOCK);
    private final InMemoryEventPublisher bus = new InMemoryEventPublisher();
    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    private final CancelShipmentHandler handler = new CancelShipmentHandler(
            new CancelShipment(shipments, carriers, Fixtures.CLOCK), Fixtures.CODEC, processed, bus,
            TestObservability.of("shipping"));
    private final EventEnvelope<OrderCancelled> cancelled = Fixtures.orderCancelled();
    private final EventEnvelope<PaymentCharged> charged = Fixtures.paymentCharged();

    @Test
    void a_cancellation_before_the_booking_leaves_the_cancel_marker_and_publishes_nothing() {
        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.published()).isEmpty();
        assertThat(shipments.find(cancelled.data().orderId()))
                .contains(new CancelMarker(cancelled.data().orderId(), cancelled.data().customerId()));
    }

    @Test
    void a_cancellation_after_the_booking_withdraws_it_and_announces_shipment_cancelled_in_reply() {
        bookTheParcel();

        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.published()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(EventIds.derive(cancelled.eventId(), "ShipmentCancelled"));
            assertThat(event.metadata().source()).isEqualTo("shop.shipping");
            assertThat(event.metadata().causationId()).isEqualTo(cancelled.eventId());
            assertThat(event.metadata().correlationId()).isEqualTo(cancelled.correlationId());
            assertThat(event.data()).isEqualTo(new ShipmentCancelled(cancelled.data().orderId(),
                    cancelled.data().customerId(), "shp-id-1", "DHL"));
        });
        assertThat(carriers.withdrawals()).singleElement()
                .satisfies(withdrawal -> assertThat(withdrawal.trackingNumber()).isEqualTo("JJDID2"));
        assertThat(shipments.find(cancelled.data().orderId())).map(ShippingRecord::state)
                .hasValue(ShipmentState.CANCELLED);
    }

    @Test
    void a_redelivery_announces_the_same_shipment_cancelled_and_withdraws_once() {
        bookTheParcel();
        handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context());
        // The function died after publishing but before marking the event processed.
        processed.forget();

        handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context());

        assertThat(bus.published()).hasSize(2);
        assertThat(bus.published().get(1)).isEqualTo(bus.published().get(0));
        assertThat(carriers.withdrawals()).hasSize(1);
    }

    @Test
    void a_bus_failure_fails_the_message_and_the_retry_announces_the_recorded_withdrawal() {
        bookTheParcel();
        bus.failNext(1);

        SQSBatchResponse failed = handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context());
        SQSBatchResponse retried = handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context());

        assertThat(failed.getBatchItemFailures()).hasSize(1);
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(bus.published()).singleElement()
                .satisfies(event -> assertThat(event.data()).isInstanceOf(ShipmentCancelled.class));
    }

    @Test
    void a_withdrawn_shipment_is_counted_once_as_shipments_cancelled() {
        bookTheParcel();

        StandardOutput first = StandardOutput.of(() -> handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context()));
        processed.forget();
        StandardOutput redelivery = StandardOutput.of(() ->
                handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context()));

        assertThat(first.metric("ShipmentsCancelled")).singleElement().satisfies(line -> {
            assertThat(line.path("ShipmentsCancelled").asDouble()).isEqualTo(1.0);
            assertThat(line.path("orderId").asText()).isEqualTo(cancelled.data().orderId());
            assertThat(line.path("correlationId").asText()).isEqualTo(cancelled.metadata().correlationId());
            assertThat(line.path("service").asText()).isEqualTo("shipping");
        });
        assertThat(redelivery.metric("ShipmentsCancelled")).isEmpty();
    }

    @Test
    void a_cancellation_with_nothing_booked_is_not_counted() {
        StandardOutput output = StandardOutput.of(() -> handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context()));

        assertThat(output.metric("ShipmentsCancelled")).isEmpty();
    }

    private void bookTheParcel() {
        new ScheduleShipment(shipments, carriers, ids, Fixtures.CLOCK).schedule(charged);
    }
}
