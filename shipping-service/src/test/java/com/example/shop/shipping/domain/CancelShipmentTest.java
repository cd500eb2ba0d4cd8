package com.example.shop.shipping.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.ShipmentCancelled;
import com.example.shop.shipping.testing.Fixtures;
import com.example.shop.shipping.testing.InMemoryShipmentRepository;
import com.example.shop.shipping.testing.RecordingCarrierBookings;
import com.example.shop.platform.testing.SequentialIds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CancelShipmentTest {

    private static final String EVENT_ID = "00000000-0000-4000-8000-0000000000c1";
    private static final String ORDER_ID = SampleEvents.ORDER_ID;
    private static final String CUSTOMER_ID = SampleEvents.CUSTOMER_ID;

    private final InMemoryShipmentRepository shipments = new InMemoryShipmentRepository();
    private final RecordingCarrierBookings carriers =
            RecordingCarrierBookings.simulated(SequentialIds.prefixed("id-"), Fixtures.CLOCK);
    private final CancelShipment cancelShipment = new CancelShipment(shipments, carriers, Fixtures.CLOCK);

    private final Shipment booked = new Shipment(ORDER_ID, CUSTOMER_ID, "shp-1", "DHL", "JJD123",
            LocalDate.of(2026, 12, 1), new Announcement("00000000-0000-4000-8000-0000000000a1",
            Instant.parse("2026-11-27T09:00:00Z")));

    @Test
    void a_cancellation_before_any_booking_leaves_a_cancel_marker_and_announces_nothing() {
        CancelOutcome outcome = cancelShipment.cancel(cancelled(EVENT_ID));

        assertThat(outcome).isEqualTo(new CancelOutcome.BookingPrevented(ORDER_ID));
        assertThat(outcome.announcements()).isEmpty();
        assertThat(shipments.find(ORDER_ID)).contains(new CancelMarker(ORDER_ID, CUSTOMER_ID));
        assertThat(carriers.withdrawals()).isEmpty();
    }

    @Test
    void a_booked_shipment_is_withdrawn_at_the_carrier_recorded_cancelled_and_announced() {
        shipments.add(booked);
        EventEnvelope<OrderCancelled> cancelled = cancelled(EVENT_ID);

        CancelOutcome outcome = cancelShipment.cancel(cancelled);

        CancelledShipment withdrawn = booked.cancelled(
                new Announcement(EventIds.derive(EVENT_ID, ShipmentCancelled.class), Fixtures.NOW));
        assertThat(outcome).isEqualTo(new CancelOutcome.Withdrawn(withdrawn, EventEnvelope.causedBy(cancelled,
                new ShipmentCancelled(ORDER_ID, CUSTOMER_ID, "shp-1", "DHL"), withdrawn.announcement())));
        assertThat(carriers.withdrawals()).containsExactly(new CarrierBookings.Withdrawal(ORDER_ID, "DHL", "JJD123"));
        assertThat(shipments.find(ORDER_ID)).contains(withdrawn);
    }

    @Test
    void a_redelivered_cancellation_announces_the_same_shipment_cancelled_again() {
        shipments.add(booked);
        CancelOutcome first = cancelShipment.cancel(cancelled(EVENT_ID));

        CancelOutcome again = cancelShipment.cancel(cancelled("00000000-0000-4000-8000-0000000000c2"));

        assertThat(again).isInstanceOf(CancelOutcome.AlreadyWithdrawn.class);
        assertThat(again.announcements()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(first.announcements().getFirst().eventId());
            assertThat(event.metadata().occurredAt()).isEqualTo(first.announcements().getFirst().metadata().occurredAt());
            assertThat(event.data()).isEqualTo(first.announcements().getFirst().data());
        });
        assertThat(carriers.withdrawals()).as("withdrawn once").hasSize(1);
    }

    @Test
    void a_redelivered_cancellation_before_any_booking_finds_its_marker_and_does_nothing() {
        cancelShipment.cancel(cancelled(EVENT_ID));

        CancelOutcome again = cancelShipment.cancel(cancelled(EVENT_ID));

        assertThat(again).isEqualTo(new CancelOutcome.NothingToCancel(ORDER_ID, ShipmentState.CANCEL_MARKER));
        assertThat(again.announcements()).isEmpty();
    }

    @Test
    void a_refused_parcel_has_nothing_to_withdraw() {
        shipments.add(new FailedShipment(ORDER_ID, CUSTOMER_ID, "no carrier delivers to AQ",
                new Announcement("00000000-0000-4000-8000-0000000000f1", Fixtures.NOW)));

        CancelOutcome outcome = cancelShipment.cancel(cancelled(EVENT_ID));

        assertThat(outcome).isEqualTo(new CancelOutcome.NothingToCancel(ORDER_ID, ShipmentState.FAILED));
        assertThat(outcome.announcements()).isEmpty();
        assertThat(carriers.withdrawals()).isEmpty();
    }

    @Test
    void a_cancel_marker_that_loses_to_a_booking_made_meanwhile_withdraws_that_booking() {
        shipments.writeConcurrently(booked);

        CancelOutcome outcome = cancelShipment.cancel(cancelled(EVENT_ID));

        assertThat(outcome).isInstanceOf(CancelOutcome.Withdrawn.class);
        assertThat(outcome.announcements()).singleElement()
                .satisfies(event -> assertThat(event.data()).isInstanceOf(ShipmentCancelled.class));
        assertThat(carriers.withdrawals()).containsExactly(booked.withdrawal());
        assertThat(shipments.find(ORDER_ID)).map(ShippingRecord::state).hasValue(ShipmentState.CANCELLED);
    }

    @Test
    void a_withdrawal_that_loses_to_a_duplicate_cancellation_announces_the_duplicates_event() {
        shipments.add(booked);
        CancelledShipment byTheDuplicate = booked.cancelled(
                new Announcement(EventIds.derive(EVENT_ID, ShipmentCancelled.class), Fixtures.NOW));
        shipments.writeConcurrently(byTheDuplicate);
        EventEnvelope<OrderCancelled> cancelled = cancelled(EVENT_ID);

        CancelOutcome outcome = cancelShipment.cancel(cancelled);

        assertThat(outcome).isEqualTo(new CancelOutcome.AlreadyWithdrawn(byTheDuplicate,
                byTheDuplicate.announcedInReplyTo(cancelled)));
        assertThat(shipments.find(ORDER_ID)).contains(byTheDuplicate);
    }

    private static EventEnvelope<OrderCancelled> cancelled(String eventId) {
        return SampleEvents.envelope(new OrderCancelled(ORDER_ID, CUSTOMER_ID, "changed my mind"), eventId);
    }
}
