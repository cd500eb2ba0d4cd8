package com.example.shop.shipping.testing;

import com.example.shop.events.Announcement;
import com.example.shop.shipping.domain.CancelMarker;
import com.example.shop.shipping.domain.CancelledShipment;
import com.example.shop.shipping.domain.FailedShipment;
import com.example.shop.shipping.domain.Shipment;
import com.example.shop.shipping.domain.ShipmentRepository;
import com.example.shop.shipping.domain.ShipmentState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ShipmentRepository} does, the in-memory fake as much as the DynamoDB adapter:
 * one record per order, the first one written stays (so a booking and a cancel marker exclude
 * each other), a booking is withdrawn once and only while it is SCHEDULED, and every record is
 * read back with the identity it was announced under. A subclass supplies a fresh, empty
 * repository per test.
 */
public abstract class ShipmentRepositoryContract {

    private static final AtomicInteger ORDERS = new AtomicInteger();

    private ShipmentRepository shipments;
    private String orderId;

    /** A repository with no shipments in it. */
    protected abstract ShipmentRepository emptyRepository();

    @BeforeEach
    void freshRepository() {
        shipments = emptyRepository();
        orderId = "order-" + ORDERS.incrementAndGet();
    }

    @Test
    void an_order_without_a_booked_parcel_has_no_shipment() {
        assertThat(shipments.find(orderId)).isEmpty();
    }

    @Test
    void a_booked_shipment_is_read_back_with_its_announcement() {
        Shipment shipment = shipment("shp-1", "JJD123");

        assertThat(shipments.add(shipment)).isTrue();

        assertThat(shipments.find(orderId)).contains(shipment);
    }

    @Test
    void a_second_booking_for_the_same_order_is_refused_and_the_first_stays() {
        Shipment first = shipment("shp-1", "JJD123");
        shipments.add(first);

        assertThat(shipments.add(shipment("shp-2", "JJD456"))).isFalse();
        assertThat(shipments.find(orderId)).contains(first);
    }

    @Test
    void a_refusal_is_read_back_with_its_reason_and_announcement() {
        FailedShipment failed = new FailedShipment(orderId, "customer-1", "no carrier delivers to AQ", ANNOUNCED);

        assertThat(shipments.add(failed)).isTrue();

        assertThat(shipments.find(orderId)).contains(failed);
    }

    @Test
    void a_cancel_marker_is_read_back() {
        CancelMarker marker = new CancelMarker(orderId, "customer-1");

        assertThat(shipments.add(marker)).isTrue();

        assertThat(shipments.find(orderId)).hasValueSatisfying(stored ->
                assertThat(stored.state()).isEqualTo(ShipmentState.CANCEL_MARKER)).contains(marker);
    }

    @Test
    void a_booking_after_the_cancel_marker_is_refused_and_the_marker_stays() {
        CancelMarker marker = new CancelMarker(orderId, "customer-1");
        shipments.add(marker);

        assertThat(shipments.add(shipment("shp-1", "JJD123"))).isFalse();
        assertThat(shipments.find(orderId)).contains(marker);
    }

    @Test
    void a_cancel_marker_after_a_booking_is_refused_and_the_booking_stays() {
        Shipment booked = shipment("shp-1", "JJD123");
        shipments.add(booked);

        assertThat(shipments.add(new CancelMarker(orderId, "customer-1"))).isFalse();
        assertThat(shipments.find(orderId)).contains(booked);
    }

    @Test
    void a_booking_is_withdrawn_once_and_read_back_with_both_announcements() {
        Shipment booked = shipment("shp-1", "JJD123");
        shipments.add(booked);
        CancelledShipment withdrawn = booked.cancelled(CANCELLATION);

        assertThat(shipments.cancel(booked, withdrawn)).isTrue();
        assertThat(shipments.cancel(booked, booked.cancelled(new Announcement(
                "00000000-0000-4000-8000-000000000003", Instant.parse("2026-11-27T11:00:00Z"))))).isFalse();

        assertThat(shipments.find(orderId)).contains(withdrawn);
    }

    @Test
    void a_withdrawal_needs_a_booking() {
        Shipment neverStored = shipment("shp-1", "JJD123");
        shipments.add(new CancelMarker(orderId, "customer-1"));

        assertThat(shipments.cancel(neverStored, neverStored.cancelled(CANCELLATION))).isFalse();
        assertThat(shipments.find(orderId)).map(stored -> stored.state()).hasValue(ShipmentState.CANCEL_MARKER);
    }

    private static final Announcement ANNOUNCED =
            new Announcement("00000000-0000-4000-8000-000000000001", Instant.parse("2026-11-27T10:15:34.5Z"));
    private static final Announcement CANCELLATION =
            new Announcement("00000000-0000-4000-8000-000000000002", Instant.parse("2026-11-27T10:45:00Z"));

    private Shipment shipment(String shipmentId, String trackingNumber) {
        return new Shipment(orderId, "customer-1", shipmentId, "DHL", trackingNumber, LocalDate.of(2026, 12, 1),
                new Announcement("00000000-0000-4000-8000-000000000001", Instant.parse("2026-11-27T10:15:34.5Z")));
    }
}
