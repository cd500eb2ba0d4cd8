package com.example.shop.inventory.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory books: stock levels per product and one record per order.
 *
 * <p>Every write that the saga depends on is atomic and conditional, so that stock never goes
 * negative, is never sold twice under concurrency, and a redelivered event never applies twice:
 * a write that finds the order already recorded changes nothing and hands back what is there.
 */
public interface StockLedger {

    /**
     * Takes every line's quantity from available into reserved stock and records the held
     * reservation, all in one atomic step, or does nothing at all.
     *
     * @return {@link Recorded}; {@link AlreadyRecorded} when the order was recorded before (by an
     *         earlier delivery, a refusal or an early cancellation); or {@link StockShort} naming
     *         the products that lacked stock (an unknown product lacks all)
     */
    ReserveAttempt reserve(Reservation reservation);

    /**
     * Records a refusal for an order that has no record yet.
     *
     * @return {@link Recorded}, or {@link AlreadyRecorded} with what was there first
     */
    RecordAttempt record(Refusal refusal);

    /**
     * Records that an order was cancelled before it was reserved, if it has no record yet.
     *
     * @return {@link Recorded}, or {@link AlreadyRecorded} with what was there first
     */
    RecordAttempt record(CancelledBeforeReservation marker);

    /**
     * Gives the reserved units of every line back to available stock and marks the reservation
     * released, in one atomic step, provided it is still held.
     *
     * @param released the reservation as it is after the release ({@link Reservation#isReleased()})
     * @return {@link Recorded}, or {@link AlreadyRecorded} with the record as it is now when the
     *         reservation was no longer held
     */
    RecordAttempt release(Reservation released);

    /** What is recorded about an order, read consistently. */
    Optional<OrderRecord> recordOf(String orderId);

    /** Free units per product, read consistently; products without a stock item are left out. */
    Map<String, Long> availableUnits(Collection<String> productIds);

    /**
     * Adds units to the free stock of a product that has a stock item ({@link StockItems} opens
     * one for every product the catalog announces).
     *
     * @return the stock after the restock, or empty, with nothing written, when the product has no
     *         stock item
     */
    Optional<StockLevel> restock(ProductId productId, int quantity);

    /** The stock of a product, if inventory keeps any. */
    Optional<StockLevel> stockOf(ProductId productId);

    /** The result of {@link #reserve(Reservation)}. */
    sealed interface ReserveAttempt permits Recorded, AlreadyRecorded, StockShort {
    }

    /** The result of a conditional write of an order's record. */
    sealed interface RecordAttempt permits Recorded, AlreadyRecorded {
    }

    /** The write was applied. */
    record Recorded() implements ReserveAttempt, RecordAttempt {
    }

    /** Nothing was written: the order already had this record. */
    record AlreadyRecorded(OrderRecord existing) implements ReserveAttempt, RecordAttempt {
        public AlreadyRecorded {
            if (existing == null) {
                throw new IllegalArgumentException("existing must not be null");
            }
        }
    }

    /** Nothing was written: these products did not have enough free stock. */
    record StockShort(List<String> productIds) implements ReserveAttempt {
        public StockShort {
            productIds = List.copyOf(productIds);
        }
    }
}
