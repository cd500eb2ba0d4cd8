package com.example.shop.inventory.testing;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.UnavailableLine;
import com.example.shop.inventory.domain.CancelledBeforeReservation;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.Refusal;
import com.example.shop.inventory.domain.Reservation;
import com.example.shop.inventory.domain.StockItems;
import com.example.shop.inventory.domain.StockLedger;
import com.example.shop.inventory.domain.StockLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.example.shop.events.SampleEvents.CUSTOMER_ID;
import static com.example.shop.events.SampleEvents.address;
import static com.example.shop.events.SampleEvents.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link StockLedger} does, the DynamoDB one and the in-memory fake alike: all lines or
 * none, a short product told apart from a repeated order, an order recorded once whatever comes
 * next, and stock released only while it is held.
 *
 * <p>A subclass says how to get an empty ledger; each test starts from one.
 */
public abstract class StockLedgerContract {

    protected static final Instant NOW = Instant.parse("2026-11-27T10:15:31Z");

    /** The ledger under test, empty at the start of each test. */
    protected StockLedger ledger;
    /** The stock items of the same books, which the catalog's products open. */
    protected StockItems items;

    /** Books with no stock item and no records, seen through both ports. */
    protected abstract StockItemsContract.Books emptyBooks();

    @BeforeEach
    void startEmpty() {
        StockItemsContract.Books books = emptyBooks();
        ledger = books.ledger();
        items = books.items();
    }

    @Test
    void reserve_takes_every_line_from_available_into_reserved_and_records_the_order() {
        stock("beans", 10);
        stock("mug", 5);
        Reservation reservation = reservation("order-1", new ReservedLine("beans", 2), new ReservedLine("mug", 1));

        assertThat(ledger.reserve(reservation)).isEqualTo(new StockLedger.Recorded());

        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 8, 2));
        assertThat(level("mug")).isEqualTo(new StockLevel(new ProductId("mug"), 4, 1));
        assertThat(ledger.recordOf("order-1")).contains(reservation);
    }

    @Test
    void reserve_when_one_line_is_short_changes_nothing_and_names_the_short_product() {
        stock("beans", 1);
        stock("mug", 5);

        StockLedger.ReserveAttempt attempt = ledger.reserve(
                reservation("order-1", new ReservedLine("mug", 1), new ReservedLine("beans", 2)));

        assertThat(attempt).isEqualTo(new StockLedger.StockShort(List.of("beans")));
        assertThat(level("mug")).isEqualTo(new StockLevel(new ProductId("mug"), 5, 0));
        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 1, 0));
        assertThat(ledger.recordOf("order-1")).isEmpty();
    }

    @Test
    void reserve_of_a_product_without_stock_item_is_short_and_creates_no_item() {
        stock("beans", 10);

        StockLedger.ReserveAttempt attempt = ledger.reserve(
                reservation("order-1", new ReservedLine("beans", 1), new ReservedLine("ghost", 1)));

        assertThat(attempt).isEqualTo(new StockLedger.StockShort(List.of("ghost")));
        assertThat(ledger.stockOf(new ProductId("ghost"))).isEmpty();
        assertThat(ledger.availableUnits(List.of("beans", "ghost"))).isEqualTo(Map.of("beans", 10L));
    }

    @Test
    void reserve_of_an_order_already_recorded_changes_nothing_and_hands_back_the_record() {
        stock("beans", 10);
        Reservation first = reservation("order-1", new ReservedLine("beans", 2));
        ledger.reserve(first);

        StockLedger.ReserveAttempt again = ledger.reserve(reservation("order-1", new ReservedLine("beans", 2)));

        assertThat(again).isEqualTo(new StockLedger.AlreadyRecorded(first));
        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 8, 2));
    }

    @Test
    void a_recorded_refusal_wins_over_a_short_product_when_the_order_comes_again() {
        stock("beans", 1);
        Refusal refusal = refusal("order-1", new UnavailableLine("beans", 2, 1));
        assertThat(ledger.record(refusal)).isEqualTo(new StockLedger.Recorded());

        StockLedger.ReserveAttempt again = ledger.reserve(reservation("order-1", new ReservedLine("beans", 2)));

        assertThat(again).isEqualTo(new StockLedger.AlreadyRecorded(refusal));
        assertThat(ledger.record(refusal("order-1", new UnavailableLine("beans", 2, 0))))
                .isEqualTo(new StockLedger.AlreadyRecorded(refusal));
    }

    @Test
    void a_cancellation_marker_blocks_the_late_reservation() {
        stock("beans", 10);
        CancelledBeforeReservation marker = new CancelledBeforeReservation("order-1", CUSTOMER_ID,
                EventIds.derive("order-1", "OrderCancelled"), NOW);
        assertThat(ledger.record(marker)).isEqualTo(new StockLedger.Recorded());

        StockLedger.ReserveAttempt late = ledger.reserve(reservation("order-1", new ReservedLine("beans", 2)));

        assertThat(late).isEqualTo(new StockLedger.AlreadyRecorded(marker));
        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 10, 0));
    }

    @Test
    void a_cancellation_marker_comes_too_late_for_a_recorded_reservation() {
        stock("beans", 10);
        Reservation held = reservation("order-1", new ReservedLine("beans", 2));
        ledger.reserve(held);

        StockLedger.RecordAttempt marker = ledger.record(new CancelledBeforeReservation("order-1", CUSTOMER_ID,
                EventIds.derive("order-1", "OrderCancelled"), NOW));

        assertThat(marker).isEqualTo(new StockLedger.AlreadyRecorded(held));
    }

    @Test
    void release_gives_the_units_back_once() {
        stock("beans", 10);
        stock("mug", 5);
        Reservation held = reservation("order-1", new ReservedLine("beans", 2), new ReservedLine("mug", 1));
        ledger.reserve(held);
        Reservation released = held.releasedBy(releaseOf(held, "PaymentDeclined"));

        assertThat(ledger.release(released)).isEqualTo(new StockLedger.Recorded());
        StockLedger.RecordAttempt again = ledger.release(held.releasedBy(releaseOf(held, "OrderCancelled")));

        assertThat(again).isEqualTo(new StockLedger.AlreadyRecorded(released));
        assertThat(ledger.recordOf("order-1")).contains(released);
        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 10, 0));
        assertThat(level("mug")).isEqualTo(new StockLevel(new ProductId("mug"), 5, 0));
    }

    @Test
    void release_of_a_refused_order_changes_nothing_and_hands_back_the_refusal() {
        stock("beans", 10);
        Refusal refusal = refusal("order-1", new UnavailableLine("beans", 20, 10));
        ledger.record(refusal);
        Reservation never = reservation("order-1", new ReservedLine("beans", 2));

        StockLedger.RecordAttempt attempt = ledger.release(never.releasedBy(releaseOf(never, "OrderCancelled")));

        assertThat(attempt).isEqualTo(new StockLedger.AlreadyRecorded(refusal));
        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 10, 0));
    }

    @Test
    void release_of_an_order_without_record_fails() {
        stock("beans", 10);
        Reservation never = reservation("order-1", new ReservedLine("beans", 2));

        assertThatThrownBy(() -> ledger.release(never.releasedBy(releaseOf(never, "PaymentFailed"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(level("beans")).isEqualTo(new StockLevel(new ProductId("beans"), 10, 0));
    }

    @Test
    void an_unknown_order_and_an_unknown_product_have_nothing_recorded() {
        assertThat(ledger.recordOf("order-1")).isEmpty();
        assertThat(ledger.stockOf(new ProductId("beans"))).isEmpty();
        assertThat(ledger.availableUnits(List.of("beans"))).isEmpty();
    }

    @Test
    void restock_adds_to_an_opened_item_and_leaves_reserved_units_alone() {
        items.openIfAbsent(new ProductId("beans"));
        assertThat(ledger.restock(new ProductId("beans"), 5)).contains(new StockLevel(new ProductId("beans"), 5, 0));
        ledger.reserve(reservation("order-1", new ReservedLine("beans", 2)));

        assertThat(ledger.restock(new ProductId("beans"), 10))
                .contains(new StockLevel(new ProductId("beans"), 13, 2));
    }

    @Test
    void restock_of_a_product_without_a_stock_item_writes_nothing() {
        assertThat(ledger.restock(new ProductId("beans"), 5)).isEmpty();

        assertThat(ledger.stockOf(new ProductId("beans"))).isEmpty();
        assertThat(ledger.availableUnits(List.of("beans"))).isEmpty();
    }

    /** The product's item opened (its ProductCreated arrived) and {@code units} restocked. */
    protected void stock(String productId, int units) {
        items.openIfAbsent(new ProductId(productId));
        ledger.restock(new ProductId(productId), units);
    }

    protected StockLevel level(String productId) {
        return ledger.stockOf(new ProductId(productId)).orElseThrow();
    }

    protected static Reservation reservation(String orderId, ReservedLine... lines) {
        return Reservation.held(EventEnvelope.of(
                new StockReserved(orderId, CUSTOMER_ID, List.of(lines), euros(5030), "pm-ref-7Hq2kLx9", address()),
                EventIds.derive(orderId, "StockReserved"), NOW, "corr-" + orderId, "cause-" + orderId));
    }

    private static Refusal refusal(String orderId, UnavailableLine... lines) {
        return new Refusal(EventEnvelope.of(new StockUnavailable(orderId, CUSTOMER_ID, List.of(lines)),
                EventIds.derive(orderId + lines[0].available(), "StockUnavailable"), NOW, "corr-" + orderId,
                "cause-" + orderId));
    }

    private static EventEnvelope<StockReleased> releaseOf(Reservation held, String reason) {
        return EventEnvelope.of(new StockReleased(held.orderId(), CUSTOMER_ID, held.lines(), reason),
                EventIds.derive(held.orderId() + reason, "StockReleased"), NOW.plusSeconds(30),
                "corr-" + held.orderId(), "cause-" + reason);
    }
}
