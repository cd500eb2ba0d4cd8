package com.example.shop.shipping.adapter;

import com.example.shop.events.Announcement;
import com.example.shop.shipping.domain.Shipment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

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
}
