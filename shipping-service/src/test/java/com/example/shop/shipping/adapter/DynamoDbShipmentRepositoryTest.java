package com.example.shop.shipping.adapter;

import com.example.shop.events.Announcement;
import com.example.shop.shipping.domain.CancelMarker;
import com.example.shop.shipping.domain.FailedShipment;
import com.example.shop.shipping.domain.Shipment;
import com.example.shop.shipping.domain.ShippingRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbShipmentRepositoryTest {

    @Test
    void a_shipment_round_trips_through_its_item() {
        Shipment shipment = new Shipment("order-1", "customer-1", "shp-1", "DHL", "JJD123", LocalDate.of(2026, 12, 1),
                new Announcement("00000000-0000-4000-8000-000000000001", Instant.parse("2026-11-27T10:15:34.5Z")));

        var item = DynamoDbShipmentRepository.toItem(shipment);

        assertThat(item.get("pk").s()).isEqualTo("shipment#order-1");
        assertThat(item.get("estimatedDelivery").s()).isEqualTo("2026-12-01");
        assertThat(DynamoDbShipmentRepository.fromItem(item)).isEqualTo(shipment);
    }

    @Test
    void every_state_round_trips_through_its_item() {
        Shipment shipment = new Shipment("order-1", "customer-1", "shp-1", "DHL", "JJD123", LocalDate.of(2026, 12, 1),
                new Announcement("00000000-0000-4000-8000-000000000001", Instant.parse("2026-11-27T10:15:34.5Z")));
        List<ShippingRecord> records = List.of(
                shipment.cancelled(new Announcement("00000000-0000-4000-8000-000000000002",
                        Instant.parse("2026-11-27T11:00:00Z"))),
                new FailedShipment("order-2", "customer-1", "no carrier delivers to KP",
                        new Announcement("00000000-0000-4000-8000-000000000003", Instant.parse("2026-11-27T11:00:00Z"))),
                new CancelMarker("order-3", "customer-1"));

        assertThat(records).allSatisfy(record -> {
            var item = DynamoDbShipmentRepository.toItem(record);
            assertThat(item.get("state").s()).isEqualTo(record.state().name());
            assertThat(DynamoDbShipmentRepository.fromItem(item)).isEqualTo(record);
        });
    }

    @Test
    void an_item_stored_before_shipments_had_states_is_a_booking() {
        Shipment shipment = new Shipment("order-1", "customer-1", "shp-1", "DHL", "JJD123", LocalDate.of(2026, 12, 1),
                new Announcement("00000000-0000-4000-8000-000000000001", Instant.parse("2026-11-27T10:15:34.5Z")));
        var item = new HashMap<>(DynamoDbShipmentRepository.toItem(shipment));
        item.remove("state");

        assertThat(DynamoDbShipmentRepository.fromItem(item)).isEqualTo(shipment);
    }
}
