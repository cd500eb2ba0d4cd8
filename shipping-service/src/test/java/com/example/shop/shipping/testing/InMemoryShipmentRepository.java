package com.example.shop.shipping.testing;

import com.example.shop.shipping.domain.Shipment;
import com.example.shop.shipping.domain.ShipmentRepository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shipments of all orders, in memory, one per order id: the first one booked stays, like the
 * DynamoDB adapter ({@link ShipmentRepositoryContract}). {@link #bookConcurrently} lets a test
 * play a duplicate delivery that wins the race between a read and a write.
 */
public final class InMemoryShipmentRepository implements ShipmentRepository {

    private final Map<String, Shipment> shipments = new HashMap<>();
    private Shipment bookedConcurrently;

    @Override
    public synchronized Optional<Shipment> find(String orderId) {
        return Optional.ofNullable(shipments.get(orderId));
    }

    @Override
    public synchronized boolean add(Shipment shipment) {
        if (bookedConcurrently != null) {
            // Another delivery of the same payment stored its shipment between our read and our write.
            shipments.put(bookedConcurrently.orderId(), bookedConcurrently);
            bookedConcurrently = null;
        }
        return shipments.putIfAbsent(shipment.orderId(), shipment) == null;
    }

    /** Makes the next {@link #add} lose the race to {@code shipment}. */
    public synchronized void bookConcurrently(Shipment shipment) {
        this.bookedConcurrently = shipment;
    }

    /** How many orders have a shipment. */
    public synchronized int size() {
        return shipments.size();
    }
}
