package com.example.shop.shipping.testing;

import com.example.shop.shipping.domain.CancelledShipment;
import com.example.shop.shipping.domain.Shipment;
import com.example.shop.shipping.domain.ShipmentRepository;
import com.example.shop.shipping.domain.ShipmentState;
import com.example.shop.shipping.domain.ShippingRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What shipping recorded per order, in memory, one record per order id: the first record stays,
 * and a booking is withdrawn only while it is still SCHEDULED, like the DynamoDB adapter
 * ({@link ShipmentRepositoryContract}). {@link #writeConcurrently} lets a test play another
 * delivery or function that wins the race between a read and a write.
 */
public final class InMemoryShipmentRepository implements ShipmentRepository {

    private final Map<String, ShippingRecord> records = new HashMap<>();
    private ShippingRecord writtenConcurrently;

    @Override
    public synchronized Optional<ShippingRecord> find(String orderId) {
        return Optional.ofNullable(records.get(orderId));
    }

    @Override
    public synchronized boolean add(ShippingRecord first) {
        applyConcurrentWrite();
        return records.putIfAbsent(first.orderId(), first) == null;
    }

    @Override
    public synchronized boolean cancel(Shipment booked, CancelledShipment withdrawn) {
        if (!booked.equals(withdrawn.withdrawn())) {
            throw new IllegalArgumentException("a withdrawal must be of the booking it replaces");
        }
        applyConcurrentWrite();
        ShippingRecord stored = records.get(booked.orderId());
        if (stored == null || stored.state() != ShipmentState.SCHEDULED) {
            return false;
        }
        records.put(booked.orderId(), withdrawn);
        return true;
    }

    /**
     * Makes the next write lose the race to {@code record}, stored between the caller's read and
     * its write by another delivery of the same event (a booking) or by another function (the
     * cancel marker, the withdrawal).
     */
    public synchronized void writeConcurrently(ShippingRecord record) {
        this.writtenConcurrently = record;
    }

    /** Makes the next write lose the race to {@code shipment}, booked by a duplicate delivery meanwhile. */
    public synchronized void bookConcurrently(Shipment shipment) {
        writeConcurrently(shipment);
    }

    /** How many orders have a record. */
    public synchronized int size() {
        return records.size();
    }

    private void applyConcurrentWrite() {
        if (writtenConcurrently != null) {
            records.put(writtenConcurrently.orderId(), writtenConcurrently);
            writtenConcurrently = null;
        }
    }
}
