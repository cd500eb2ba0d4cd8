package com.example.shop.shipping.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.Money;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.events.ShippingAddress;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.shipping.testing.Fixtures;
import com.example.shop.shipping.testing.InMemoryShipmentRepository;
import com.example.shop.shipping.testing.RecordingCarrierBookings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleShipmentTest {

    private static final String EVENT_ID = "00000000-0000-4000-8000-0000000000a1";

    private final InMemoryShipmentRepository shipments = new InMemoryShipmentRepository();
    private final SequentialIds ids = SequentialIds.prefixed("id-");
    private final RecordingCarrierBookings carriers = RecordingCarrierBookings.simulated(ids, Fixtures.CLOCK);
    private final ScheduleShipment scheduleShipment = new ScheduleShipment(shipments, carriers, ids, Fixtures.CLOCK);

    @Test
    void a_paid_order_to_germany_is_booked_with_dhl_for_two_working_days_later() {
        EventEnvelope<PaymentCharged> charged = charged("DE", EVENT_ID);

        ScheduleOutcome outcome = scheduleShipment.schedule(charged);

        assertThat(outcome).isInstanceOf(ScheduleOutcome.Scheduled.class);
        assertThat(booked(outcome).shipment()).isEqualTo(new Shipment(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID,
                "shp-id-1", "DHL", "JJDID2", LocalDate.of(2026, 12, 1),
                new Announcement(EventIds.derive(EVENT_ID, ShipmentScheduled.class), Fixtures.NOW)));
        assertThat(outcome.announcements()).containsExactly(
                EventEnvelope.causedBy(charged, booked(outcome).shipment().fact(), booked(outcome).shipment().announcement()));
    }

    @Test
    void a_parcel_abroad_goes_with_that_countrys_carrier_and_takes_its_time() {
        Shipment shipment = booked(scheduleShipment.schedule(charged("US", EVENT_ID))).shipment();

        assertThat(shipment.carrier()).isEqualTo("UPS");
        assertThat(shipment.trackingNumber()).startsWith("1Z");
        assertThat(shipment.estimatedDelivery()).isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void the_estimate_counts_from_the_clocks_date() {
        Clock saturday = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
        var onSaturday = new ScheduleShipment(shipments, RecordingCarrierBookings.simulated(ids, saturday), ids, saturday);

        assertThat(booked(onSaturday.schedule(charged("FR", EVENT_ID))).shipment().estimatedDelivery())
                .isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void a_second_delivery_gets_the_stored_shipment_back_without_booking_again() {
        Shipment first = booked(scheduleShipment.schedule(charged("DE", EVENT_ID))).shipment();

        ScheduleOutcome.Booked again = booked(scheduleShipment.schedule(charged("DE", "00000000-0000-4000-8000-0000000000a2")));

        assertThat(again).isInstanceOf(ScheduleOutcome.AlreadyScheduled.class);
        assertThat(again.shipment()).isEqualTo(first);
        // The recorded identity is announced again, not one derived from the second payment event.
        assertThat(again.event().announcement()).isEqualTo(first.announcement());
        assertThat(shipments.size()).isEqualTo(1);
        assertThat(ids.newId()).isEqualTo("id-3");
    }

    @Test
    void a_duplicate_that_loses_the_race_announces_the_winners_shipment() {
        Shipment winner = new Shipment(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID, "shp-winner", "DHL",
                "JJDWINNER", LocalDate.of(2026, 12, 1), new Announcement(EVENT_ID, Fixtures.NOW));
        shipments.bookConcurrently(winner);
        EventEnvelope<PaymentCharged> charged = charged("DE", EVENT_ID);

        ScheduleOutcome outcome = scheduleShipment.schedule(charged);

        assertThat(outcome).isEqualTo(new ScheduleOutcome.AlreadyScheduled(winner, winner.announcedInReplyTo(charged)));
    }

    @Test
    void a_duplicate_that_loses_the_race_keeps_the_winners_booking_with_the_carrier() {
        shipments.bookConcurrently(new Shipment(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID, "shp-winner", "DHL",
                "JJDID2", LocalDate.of(2026, 12, 1), new Announcement(EVENT_ID, Fixtures.NOW)));

        scheduleShipment.schedule(charged("DE", EVENT_ID));

        assertThat(carriers.withdrawals()).as("the carrier answered both deliveries with the same booking").isEmpty();
    }

    @Test
    void a_parcel_to_a_country_no_carrier_serves_fails_with_the_carriers_reason() {
        EventEnvelope<PaymentCharged> charged = charged("AQ", EVENT_ID);

        ScheduleOutcome outcome = scheduleShipment.schedule(charged);

        FailedShipment failure = new FailedShipment(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID,
                "no carrier delivers to AQ", new Announcement(EventIds.derive(EVENT_ID, ShipmentFailed.class), Fixtures.NOW));
        assertThat(outcome).isEqualTo(new ScheduleOutcome.Failed(failure, EventEnvelope.causedBy(charged,
                new ShipmentFailed(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID, "no carrier delivers to AQ"),
                failure.announcement())));
        assertThat(shipments.find(SampleEvents.ORDER_ID)).as("the refusal is recorded under the order").contains(failure);
    }

    @Test
    void a_parcel_worth_more_than_the_carriers_limit_fails() {
        ScheduleOutcome outcome = scheduleShipment.schedule(charged("DE", EVENT_ID, SampleEvents.euros(5_000_01)));

        assertThat(outcome).isInstanceOfSatisfying(ScheduleOutcome.Failed.class, failed ->
                assertThat(failed.event().data().reason())
                        .isEqualTo("a declared value of 5000.01 EUR is over the carriers' limit of 5000 EUR"));
    }

    @Test
    void a_redelivered_refusal_announces_the_same_shipment_failed_without_asking_the_carriers_again() {
        ScheduleOutcome first = scheduleShipment.schedule(charged("KP", EVENT_ID));

        ScheduleOutcome again = scheduleShipment.schedule(charged("KP", "00000000-0000-4000-8000-0000000000a2"));

        assertThat(again).isInstanceOf(ScheduleOutcome.AlreadyFailed.class);
        assertThat(again.announcements()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(EventIds.derive(EVENT_ID, ShipmentFailed.class));
            assertThat(event.data()).isEqualTo(first.announcements().getFirst().data());
        });
        assertThat(carriers.bookingRequests()).hasSize(1);
        assertThat(shipments.size()).isEqualTo(1);
    }

    @Test
    void a_payment_that_finds_the_cancel_marker_books_nothing_and_announces_nothing() {
        shipments.add(new CancelMarker(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID));

        ScheduleOutcome outcome = scheduleShipment.schedule(charged("DE", EVENT_ID));

        assertThat(outcome).isEqualTo(new ScheduleOutcome.CancelledFirst(SampleEvents.ORDER_ID, ShipmentState.CANCEL_MARKER));
        assertThat(outcome.announcements()).isEmpty();
        assertThat(carriers.bookingRequests()).isEmpty();
        assertThat(shipments.find(SampleEvents.ORDER_ID)).map(ShippingRecord::state).hasValue(ShipmentState.CANCEL_MARKER);
    }

    @Test
    void a_payment_redelivered_after_its_shipment_was_withdrawn_books_nothing_and_announces_nothing() {
        Shipment first = booked(scheduleShipment.schedule(charged("DE", EVENT_ID))).shipment();
        shipments.cancel(first, first.cancelled(new Announcement("00000000-0000-4000-8000-0000000000c1", Fixtures.NOW)));

        ScheduleOutcome again = scheduleShipment.schedule(charged("DE", EVENT_ID));

        assertThat(again).isEqualTo(new ScheduleOutcome.CancelledFirst(SampleEvents.ORDER_ID, ShipmentState.CANCELLED));
        assertThat(again.announcements()).isEmpty();
        assertThat(carriers.bookingRequests()).hasSize(1);
    }

    @Test
    void a_booking_that_loses_to_a_cancel_marker_written_meanwhile_is_withdrawn_and_nothing_is_announced() {
        CancelMarker marker = new CancelMarker(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID);
        shipments.writeConcurrently(marker);

        ScheduleOutcome outcome = scheduleShipment.schedule(charged("DE", EVENT_ID));

        assertThat(outcome).isEqualTo(new ScheduleOutcome.CancelledFirst(SampleEvents.ORDER_ID, ShipmentState.CANCEL_MARKER));
        assertThat(outcome.announcements()).isEmpty();
        assertThat(carriers.withdrawals()).as("no live shipment remains")
                .containsExactly(new CarrierBookings.Withdrawal(SampleEvents.ORDER_ID, "DHL", "JJDID2"));
        assertThat(shipments.find(SampleEvents.ORDER_ID)).contains(marker);
    }

    @Test
    void a_cancellation_handled_while_the_parcel_is_being_booked_leaves_no_live_shipment() {
        var cancelShipment = new CancelShipment(shipments, carriers, Fixtures.CLOCK);
        carriers.duringNextBooking(() -> cancelShipment.cancel(SampleEvents.envelope(
                new OrderCancelled(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID, "changed my mind"),
                "00000000-0000-4000-8000-0000000000c1")));

        ScheduleOutcome outcome = scheduleShipment.schedule(charged("DE", EVENT_ID));

        assertThat(outcome).isInstanceOf(ScheduleOutcome.CancelledFirst.class);
        assertThat(carriers.withdrawals()).hasSize(1);
        assertThat(shipments.find(SampleEvents.ORDER_ID)).map(ShippingRecord::state).hasValue(ShipmentState.CANCEL_MARKER);
    }

    @Test
    void a_refusal_that_loses_to_a_cancel_marker_announces_nothing() {
        shipments.writeConcurrently(new CancelMarker(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID));

        ScheduleOutcome outcome = scheduleShipment.schedule(charged("AQ", EVENT_ID));

        assertThat(outcome).isInstanceOf(ScheduleOutcome.CancelledFirst.class);
        assertThat(outcome.announcements()).isEmpty();
        assertThat(carriers.withdrawals()).as("nothing was booked").isEmpty();
    }

    private static ScheduleOutcome.Booked booked(ScheduleOutcome outcome) {
        assertThat(outcome).isInstanceOf(ScheduleOutcome.Booked.class);
        return (ScheduleOutcome.Booked) outcome;
    }

    private static EventEnvelope<PaymentCharged> charged(String countryCode, String eventId) {
        return charged(countryCode, eventId, SampleEvents.euros(5030));
    }

    private static EventEnvelope<PaymentCharged> charged(String countryCode, String eventId, Money amount) {
        ShippingAddress a = SampleEvents.address();
        return SampleEvents.envelope(new PaymentCharged(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID, "ch_1",
                amount,
                new ShippingAddress(a.recipientName(), a.line1(), a.line2(), a.city(), a.postalCode(), countryCode)),
                eventId);
    }
}
