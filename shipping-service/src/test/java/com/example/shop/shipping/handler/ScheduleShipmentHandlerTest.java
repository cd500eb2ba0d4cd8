package com.example.shop.shipping.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.platform.testing.InMemoryEventPublisher;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.platform.testing.TestObservability;
import com.example.shop.shipping.domain.CancelMarker;
import com.example.shop.shipping.domain.ScheduleShipment;
import com.example.shop.shipping.testing.Fixtures;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.shipping.testing.InMemoryShipmentRepository;
import com.example.shop.shipping.testing.RecordingCarrierBookings;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleShipmentHandlerTest {

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
    void a_paid_order_gets_a_shipment_scheduled_in_reply_to_the_payment() {
        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(charged), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.published()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(EventIds.derive(charged.eventId(), "ShipmentScheduled"));
            assertThat(event.metadata().source()).isEqualTo("shop.shipping");
            assertThat(event.metadata().causationId()).isEqualTo(charged.eventId());
            assertThat(event.metadata().correlationId()).isEqualTo(charged.correlationId());
            assertThat(event.metadata().occurredAt()).isEqualTo(Fixtures.NOW);
            assertThat(event.data()).isEqualTo(new ShipmentScheduled(charged.data().orderId(),
                    charged.data().customerId(), "shp-id-1", "DHL", "JJDID2", LocalDate.of(2026, 12, 1)));
        });
    }

    @Test
    void a_redelivery_announces_the_same_shipment_with_the_same_event_id() {
        handler.handleRequest(Fixtures.sqs(charged), Fixtures.context());
        // The function died after publishing but before marking the event processed.
        processed.forget();

        handler.handleRequest(Fixtures.sqs(charged), Fixtures.context());

        assertThat(shipments.size()).isEqualTo(1);
        assertThat(bus.published()).hasSize(2);
        assertThat(bus.published().get(1)).isEqualTo(bus.published().get(0));
    }

    @Test
    void a_duplicate_of_a_processed_event_is_skipped() {
        handler.handleRequest(Fixtures.sqs(charged), Fixtures.context());
        handler.handleRequest(Fixtures.sqs(charged), Fixtures.context());

        assertThat(bus.published()).hasSize(1);
    }

    @Test
    void a_bus_failure_fails_the_message_and_the_retry_announces_the_booked_shipment() {
        bus.failNext(1);

        SQSBatchResponse failed = handler.handleRequest(Fixtures.sqs(charged), Fixtures.context());
        SQSBatchResponse retried = handler.handleRequest(Fixtures.sqs(charged), Fixtures.context());

        assertThat(failed.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("msg-" + charged.eventId()));
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(shipments.size()).isEqualTo(1);
        assertThat(bus.published()).singleElement()
                .satisfies(event -> assertThat(((ShipmentScheduled) event.data()).trackingNumber()).isEqualTo("JJDID2"));
    }

    @Test
    void a_parcel_abroad_is_booked_with_the_destinations_carrier() {
        handler.handleRequest(Fixtures.sqs(Fixtures.paymentCharged("NL")), Fixtures.context());

        assertThat(bus.published()).singleElement().satisfies(event -> {
            ShipmentScheduled scheduled = (ShipmentScheduled) event.data();
            assertThat(scheduled.carrier()).isEqualTo("DPD");
            assertThat(scheduled.estimatedDelivery()).isEqualTo(LocalDate.of(2026, 12, 2));
        });
    }

    @Test
    void a_parcel_no_carrier_takes_announces_shipment_failed_with_the_reason() {
        EventEnvelope<PaymentCharged> toAntarctica = Fixtures.paymentCharged("AQ");

        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(toAntarctica), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.published()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(EventIds.derive(toAntarctica.eventId(), "ShipmentFailed"));
            assertThat(event.metadata().source()).isEqualTo("shop.shipping");
            assertThat(event.metadata().causationId()).isEqualTo(toAntarctica.eventId());
            assertThat(event.data()).isEqualTo(new ShipmentFailed(toAntarctica.data().orderId(),
                    toAntarctica.data().customerId(), "no carrier delivers to AQ"));
        });
    }

    @Test
    void a_redelivered_refusal_announces_the_same_shipment_failed() {
        handler.handleRequest(Fixtures.sqs(Fixtures.paymentCharged("KP")), Fixtures.context());
        processed.forget();

        handler.handleRequest(Fixtures.sqs(Fixtures.paymentCharged("KP")), Fixtures.context());

        assertThat(bus.published()).hasSize(2);
        assertThat(bus.published().get(1)).isEqualTo(bus.published().get(0));
        assertThat(carriers.bookingRequests()).hasSize(1);
    }

    @Test
    void a_payment_for_an_order_cancelled_first_books_nothing_and_publishes_nothing() {
        shipments.add(new CancelMarker(charged.data().orderId(), charged.data().customerId()));

        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(charged), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.published()).isEmpty();
        assertThat(carriers.bookingRequests()).isEmpty();
    }
}
