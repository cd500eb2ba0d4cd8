package com.example.shop.shipping.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.events.ShippingAddress;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.shipping.testing.Fixtures;
import com.example.shop.shipping.testing.InMemoryShipmentRepository;
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
    private final ScheduleShipment scheduleShipment = new ScheduleShipment(shipments, ids, Fixtures.CLOCK);

    @Test
    void a_paid_order_to_germany_is_booked_with_dhl_for_two_working_days_later() {
        EventEnvelope<PaymentCharged> charged = charged("DE", EVENT_ID);

        ScheduleOutcome outcome = scheduleShipment.schedule(charged);

        assertThat(outcome).isInstanceOf(ScheduleOutcome.Scheduled.class);
        assertThat(outcome.shipment()).isEqualTo(new Shipment(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID,
                "shp-id-1", "DHL", "JJDID2", LocalDate.of(2026, 12, 1),
                new Announcement(EventIds.derive(EVENT_ID, ShipmentScheduled.class), Fixtures.NOW)));
        assertThat(outcome.announcements()).containsExactly(
                EventEnvelope.causedBy(charged, outcome.shipment().fact(), outcome.shipment().announcement()));
    }

    @Test
    void a_parcel_abroad_goes_with_that_countrys_carrier_and_takes_its_time() {
        Shipment shipment = scheduleShipment.schedule(charged("US", EVENT_ID)).shipment();

        assertThat(shipment.carrier()).isEqualTo("UPS");
        assertThat(shipment.trackingNumber()).startsWith("1Z");
        assertThat(shipment.estimatedDelivery()).isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void the_estimate_counts_from_the_clocks_date() {
        Clock saturday = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
        var onSaturday = new ScheduleShipment(shipments, ids, saturday);

        assertThat(onSaturday.schedule(charged("FR", EVENT_ID)).shipment().estimatedDelivery())
                .isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void a_second_delivery_gets_the_stored_shipment_back_without_booking_again() {
        Shipment first = scheduleShipment.schedule(charged("DE", EVENT_ID)).shipment();

        ScheduleOutcome again = scheduleShipment.schedule(charged("DE", "00000000-0000-4000-8000-0000000000a2"));

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

    private static EventEnvelope<PaymentCharged> charged(String countryCode, String eventId) {
        ShippingAddress a = SampleEvents.address();
        return SampleEvents.envelope(new PaymentCharged(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID, "ch_1",
                SampleEvents.euros(5030),
                new ShippingAddress(a.recipientName(), a.line1(), a.line2(), a.city(), a.postalCode(), countryCode)),
                eventId);
    }
}
