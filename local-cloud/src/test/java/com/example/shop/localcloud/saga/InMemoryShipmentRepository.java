package com.example.shop.localcloud.saga;

import com.example.shop.shipping.domain.Shipment;
import com.example.shop.shipping.domain.ShipmentRepository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The shipments of all orders, in memory, one per order id: the first one booked stays. */
final class InMemoryShipmentRepository implements ShipmentRepository {

    private final Map<String, Shipment> shipments = new HashMap<>();

    @Override
    public Optional<Shipment> find(String orderId) {
        return Optional.ofNullable(shipments.get(orderId));
    }

    @Override
    public boolean add(Shipment shipment) {
        return shipments.putIfAbsent(shipment.orderId(), shipment) == null;
    }
}
