package com.example.shop.shipping.testing;

import com.example.shop.events.Announcement;
import com.example.shop.shipping.domain.Shipment;
import com.example.shop.shipping.domain.ShipmentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ShipmentRepository} does, the in-memory fake as much as the DynamoDB adapter:
 * one shipment per order, the first one booked stays, and a shipment is read back with the
 * identity it was announced under. A subclass supplies a fresh, empty repository per test.
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

    private Shipment shipment(String shipmentId, String trackingNumber) {
        return new Shipment(orderId, "customer-1", shipmentId, "DHL", trackingNumber, LocalDate.of(2026, 12, 1),
                new Announcement("00000000-0000-4000-8000-000000000001", Instant.parse("2026-11-27T10:15:34.5Z")));
    }
}
