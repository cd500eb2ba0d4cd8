package com.example.shop.localcloud.saga;

import com.example.shop.events.ReservedLine;
import com.example.shop.inventory.domain.CancelledBeforeReservation;
import com.example.shop.inventory.domain.OrderRecord;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.Refusal;
import com.example.shop.inventory.domain.Reservation;
import com.example.shop.inventory.domain.StockLedger;
import com.example.shop.inventory.domain.StockLevel;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory books in memory: stock levels per product and one record per order, with the
 * all-or-nothing, conditional writes the DynamoDB transactions give.
 *
 * <p>A reservation takes every line or none and fails on an order that already has a record; a
 * release returns the units only while the reservation is still held. Either write that finds
 * the order already recorded changes nothing and hands back what is there, which is how a
 * redelivered event is recognised.
 */
final class InMemoryStockLedger implements StockLedger {

    private final Map<String, StockLevel> levels = new LinkedHashMap<>();
    private final Map<String, OrderRecord> records = new HashMap<>();

    @Override
    public ReserveAttempt reserve(Reservation reservation) {
        OrderRecord existing = records.get(reservation.orderId());
        if (existing != null) {
            // As in the transaction: once the order is recorded, the stock conditions do not matter.
            return new AlreadyRecorded(existing);
        }
        List<String> shortProducts = reservation.lines().stream()
                .filter(line -> availableOf(line.productId()) < line.quantity())
                .map(ReservedLine::productId)
                .toList();
        if (!shortProducts.isEmpty()) {
            return new StockShort(shortProducts);
        }
        reservation.lines().forEach(line -> move(line, -line.quantity()));
        records.put(reservation.orderId(), reservation);
        return new Recorded();
    }

    @Override
    public RecordAttempt record(Refusal refusal) {
        return recordFirst(refusal);
    }

    @Override
    public RecordAttempt record(CancelledBeforeReservation marker) {
        return recordFirst(marker);
    }

    @Override
    public RecordAttempt release(Reservation released) {
        OrderRecord current = records.get(released.orderId());
        if (current == null) {
            throw new IllegalStateException("order " + released.orderId() + " has no reservation to release");
        }
        if (!(current instanceof Reservation held) || held.isReleased()) {
            return new AlreadyRecorded(current);
        }
        released.lines().forEach(line -> move(line, line.quantity()));
        records.put(released.orderId(), released);
        return new Recorded();
    }

    @Override
    public Optional<OrderRecord> recordOf(String orderId) {
        return Optional.ofNullable(records.get(orderId));
    }

    @Override
    public Map<String, Long> availableUnits(Collection<String> productIds) {
        Map<String, Long> available = new HashMap<>();
        productIds.stream().filter(levels::containsKey)
                .forEach(productId -> available.put(productId, levels.get(productId).available()));
        return available;
    }

    @Override
    public StockLevel restock(ProductId productId, int quantity) {
        StockLevel current = levels.getOrDefault(productId.value(), new StockLevel(productId, 0, 0));
        StockLevel next = new StockLevel(productId, current.available() + quantity, current.reserved());
        levels.put(productId.value(), next);
        return next;
    }

    @Override
    public Optional<StockLevel> stockOf(ProductId productId) {
        return Optional.ofNullable(levels.get(productId.value()));
    }

    private long availableOf(String productId) {
        StockLevel level = levels.get(productId);
        return level == null ? 0 : level.available();
    }

    /** Moves units between available and reserved; StockLevel refuses to let either go negative. */
    private void move(ReservedLine line, long toAvailable) {
        StockLevel level = levels.get(line.productId());
        levels.put(line.productId(), new StockLevel(level.productId(), level.available() + toAvailable,
                level.reserved() - toAvailable));
    }

    private RecordAttempt recordFirst(OrderRecord record) {
        OrderRecord existing = records.putIfAbsent(record.orderId(), record);
        return existing == null ? new Recorded() : new AlreadyRecorded(existing);
    }
}
