package com.example.shop.inventory.testing;

import com.example.shop.events.ReservedLine;
import com.example.shop.inventory.domain.CancelledBeforeReservation;
import com.example.shop.inventory.domain.OrderRecord;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.Refusal;
import com.example.shop.inventory.domain.Reservation;
import com.example.shop.inventory.domain.StockLedger;
import com.example.shop.inventory.domain.StockLevel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory books in memory, with the same all-or-nothing, conditional semantics as
 * {@code DynamoDbStockLedger} (both pass {@link StockLedgerContract}): every method is one atomic
 * step, and a write that finds the order already recorded changes nothing and hands back what is
 * there, which is how a redelivered event is recognised.
 *
 * <p>For tests it can set stock directly ({@link #withStock}), read units per product, and run an
 * action after each reservation attempt ({@link #afterReserveAttempt}) to let stock change between
 * a failed transaction and its read-back. {@link InMemoryStockItems} can open stock items in the
 * same books, as the DynamoDB adapters share one table.
 */
public final class InMemoryStockLedger implements StockLedger {

    private final Map<String, long[]> stock = new HashMap<>();
    private final Map<String, OrderRecord> records = new HashMap<>();
    private Runnable afterReserveAttempt = () -> { };
    private int reserveCalls;

    /** Sets a product's free units (and nothing reserved). */
    public synchronized InMemoryStockLedger withStock(String productId, long available) {
        return withStock(new StockLevel(new ProductId(productId), available, 0));
    }

    /** Sets a product's stock as it is given, e.g. with units reserved. */
    public synchronized InMemoryStockLedger withStock(StockLevel level) {
        stock.put(level.productId().value(), new long[] {level.available(), level.reserved()});
        return this;
    }

    /** Runs {@code action} after every reservation attempt, e.g. to let stock change in between. */
    public synchronized void afterReserveAttempt(Runnable action) {
        this.afterReserveAttempt = action;
    }

    /** How often {@link #reserve} was called. */
    public synchronized int reserveCalls() {
        return reserveCalls;
    }

    public synchronized long available(String productId) {
        return stock.getOrDefault(productId, new long[] {0, 0})[0];
    }

    public synchronized long reserved(String productId) {
        return stock.getOrDefault(productId, new long[] {0, 0})[1];
    }

    public synchronized boolean hasStockItem(String productId) {
        return stock.containsKey(productId);
    }

    /** Opens an empty stock item unless the product has one; whether it opened one. */
    synchronized boolean openIfAbsent(ProductId productId) {
        return stock.putIfAbsent(productId.value(), new long[] {0, 0}) == null;
    }

    @Override
    public ReserveAttempt reserve(Reservation reservation) {
        ReserveAttempt attempt;
        synchronized (this) {
            reserveCalls++;
            attempt = tryReserve(reservation);
        }
        afterReserveAttempt.run();
        return attempt;
    }

    private ReserveAttempt tryReserve(Reservation reservation) {
        if (records.containsKey(reservation.orderId())) {
            // As in the transaction: once the order is recorded, the stock conditions do not matter.
            return new AlreadyRecorded(records.get(reservation.orderId()));
        }
        List<String> shortProducts = new ArrayList<>();
        for (ReservedLine line : reservation.lines()) {
            long[] level = stock.get(line.productId());
            if (level == null || level[0] < line.quantity()) {
                shortProducts.add(line.productId());
            }
        }
        if (!shortProducts.isEmpty()) {
            return new StockShort(shortProducts);
        }
        for (ReservedLine line : reservation.lines()) {
            long[] level = stock.get(line.productId());
            level[0] -= line.quantity();
            level[1] += line.quantity();
        }
        records.put(reservation.orderId(), reservation);
        return new Recorded();
    }

    @Override
    public synchronized RecordAttempt record(Refusal refusal) {
        return putIfAbsent(refusal);
    }

    @Override
    public synchronized RecordAttempt record(CancelledBeforeReservation marker) {
        return putIfAbsent(marker);
    }

    private RecordAttempt putIfAbsent(OrderRecord record) {
        OrderRecord existing = records.putIfAbsent(record.orderId(), record);
        return existing == null ? new Recorded() : new AlreadyRecorded(existing);
    }

    @Override
    public synchronized RecordAttempt release(Reservation released) {
        OrderRecord current = records.get(released.orderId());
        if (current == null) {
            throw new IllegalStateException("order " + released.orderId() + " has no reservation to release");
        }
        if (!(current instanceof Reservation held) || held.isReleased()) {
            return new AlreadyRecorded(current);
        }
        for (ReservedLine line : released.lines()) {
            long[] level = stock.get(line.productId());
            if (level == null || level[1] < line.quantity()) {
                throw new IllegalStateException("books disagree for " + line.productId());
            }
        }
        for (ReservedLine line : released.lines()) {
            long[] level = stock.get(line.productId());
            level[0] += line.quantity();
            level[1] -= line.quantity();
        }
        records.put(released.orderId(), released);
        return new Recorded();
    }

    @Override
    public synchronized Optional<OrderRecord> recordOf(String orderId) {
        return Optional.ofNullable(records.get(orderId));
    }

    @Override
    public synchronized Map<String, Long> availableUnits(Collection<String> productIds) {
        Map<String, Long> available = new HashMap<>();
        for (String productId : productIds) {
            long[] level = stock.get(productId);
            if (level != null) {
                available.put(productId, level[0]);
            }
        }
        return available;
    }

    @Override
    public synchronized Optional<StockLevel> restock(ProductId productId, int quantity) {
        long[] level = stock.get(productId.value());
        if (level == null) {
            return Optional.empty();
        }
        level[0] += quantity;
        return Optional.of(new StockLevel(productId, level[0], level[1]));
    }

    @Override
    public synchronized Optional<StockLevel> stockOf(ProductId productId) {
        long[] level = stock.get(productId.value());
        return level == null ? Optional.empty() : Optional.of(new StockLevel(productId, level[0], level[1]));
    }
}
