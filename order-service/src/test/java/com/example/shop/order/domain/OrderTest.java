package com.example.shop.order.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static com.example.shop.order.OrderFixtures.CORRELATION_ID;
import static com.example.shop.order.OrderFixtures.CUSTOMER;
import static com.example.shop.order.OrderFixtures.NO_CARRIER;
import static com.example.shop.order.OrderFixtures.ORDER_ID;
import static com.example.shop.order.OrderFixtures.OTHER_CUSTOMER;
import static com.example.shop.order.OrderFixtures.PLACED_AT;
import static com.example.shop.order.OrderFixtures.REQUEST_ID;
import static com.example.shop.order.OrderFixtures.address;
import static com.example.shop.order.OrderFixtures.euros;
import static com.example.shop.order.OrderFixtures.orderIn;
import static com.example.shop.order.OrderFixtures.placedOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The order's forward-only state machine, told one rule at a time. */
class OrderTest {

    private static final Instant LATER = PLACED_AT.plusSeconds(60);
    private static final SagaStep RESERVED = new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved");
    private static final SagaStep PAID = new SagaStep.Progress(OrderStatus.PAID, "PaymentCharged");
    private static final SagaStep SHIPPED = new SagaStep.Progress(OrderStatus.SHIPPED, "ShipmentScheduled");
    private static final SagaStep OUT_OF_STOCK =
            new SagaStep.Failure(OrderStatus.REJECTED, "StockUnavailable", "out of stock", OrderStatus.PAID);
    private static final SagaStep DECLINED =
            new SagaStep.Failure(OrderStatus.PAYMENT_FAILED, "PaymentDeclined", "insufficient funds", OrderStatus.PAID);
    private static final SagaStep PAYMENT_FAILED =
            new SagaStep.Failure(OrderStatus.PAYMENT_FAILED, "PaymentFailed", "provider down", OrderStatus.PAID);
    private static final SagaStep SHIPMENT_FAILED =
            new SagaStep.Failure(OrderStatus.SHIPMENT_FAILED, "ShipmentFailed", NO_CARRIER, OrderStatus.SHIPPED);
    private static final SagaStep STOCK_RELEASED = new SagaStep.Compensation("StockReleased");
    private static final SagaStep REFUNDED = new SagaStep.Compensation("PaymentRefunded");
    private static final SagaStep SHIPMENT_CANCELLED = new SagaStep.Compensation("ShipmentCancelled");

    @Nested
    class Placing {

        @Test
        void a_new_order_is_pending_at_version_zero_with_the_placing_in_its_history() {
            Order order = placedOrder();

            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.version()).isZero();
            assertThat(order.history()).containsExactly(
                    new StatusChange(OrderStatus.PENDING, "OrderPlaced", PLACED_AT, REQUEST_ID, null));
            assertThat(order.correlationId()).isEqualTo(CORRELATION_ID);
        }

        @Test
        void the_total_is_the_sum_of_the_lines() {
            assertThat(placedOrder().total()).isEqualTo(euros(2 * 1890 + 1250));
        }

        @Test
        void an_order_without_lines_cannot_be_placed() {
            assertThatThrownBy(() -> Order.place(ORDER_ID, CUSTOMER, "e@example.com", List.of(),
                    address(), "pm-card-visa", CORRELATION_ID, REQUEST_ID, "f",
                    PLACED_AT)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void an_order_belongs_to_the_customer_who_placed_it_only() {
            assertThat(placedOrder().belongsTo(CUSTOMER)).isTrue();
            assertThat(placedOrder().belongsTo(OTHER_CUSTOMER)).isFalse();
        }
    }

    @Nested
    class Moving_forward {

        @Test
        void the_happy_path_goes_pending_reserved_paid_shipped_and_records_each_step() {
            Order reserved = placedOrder().advance(RESERVED, "e-1", LATER).orElseThrow();
            Order paid = reserved.advance(PAID, "e-2", LATER.plusSeconds(1)).orElseThrow();
            Order shipped = paid.advance(SHIPPED, "e-3", LATER.plusSeconds(2)).orElseThrow();

            assertThat(List.of(reserved.status(), paid.status(), shipped.status()))
                    .containsExactly(OrderStatus.RESERVED, OrderStatus.PAID, OrderStatus.SHIPPED);
            assertThat(List.of(reserved.version(), paid.version(), shipped.version())).containsExactly(1L, 2L, 3L);
            assertThat(shipped.history()).extracting(StatusChange::status, StatusChange::event, StatusChange::causeId)
                    .containsExactly(
                            tuple(OrderStatus.PENDING, "OrderPlaced", REQUEST_ID),
                            tuple(OrderStatus.RESERVED, "StockReserved", "e-1"),
                            tuple(OrderStatus.PAID, "PaymentCharged", "e-2"),
                            tuple(OrderStatus.SHIPPED, "ShipmentScheduled", "e-3"));
            assertThat(shipped.history().getLast().at()).isEqualTo(LATER.plusSeconds(2));
        }

        @Test
        void a_late_stock_reservation_after_payment_is_stale_and_ignored() {
            Order paid = orderIn(OrderStatus.PAID);

            assertThat(paid.advance(RESERVED, "late-reservation", LATER)).isEmpty();
        }

        @Test
        void the_same_progress_again_under_another_cause_changes_nothing() {
            assertThat(orderIn(OrderStatus.RESERVED).advance(RESERVED, "second-reservation", LATER)).isEmpty();
        }

        @Test
        void a_shipment_scheduled_while_still_pending_jumps_the_order_forward_to_shipped() {
            Order shipped = placedOrder().advance(SHIPPED, "e-ship", LATER).orElseThrow();

            assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(shipped.history()).hasSize(2);
        }

        @Test
        void a_payment_seen_before_the_reservation_jumps_the_order_to_paid_and_the_reservation_is_then_stale() {
            Order paid = placedOrder().advance(PAID, "e-pay", LATER).orElseThrow();

            assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
            assertThat(paid.advance(RESERVED, "e-res", LATER)).isEmpty();
        }
    }

    @Nested
    class Failing {

        @Test
        void a_declined_payment_on_a_reserved_order_ends_it_as_payment_failed_with_the_reason() {
            Order failed = orderIn(OrderStatus.RESERVED).advance(DECLINED, "e-decline", LATER).orElseThrow();

            assertThat(failed.status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
            assertThat(failed.history().getLast()).isEqualTo(new StatusChange(OrderStatus.PAYMENT_FAILED,
                    "PaymentDeclined", LATER, "e-decline", "insufficient funds"));
        }

        @Test
        void missing_stock_rejects_a_pending_order() {
            Order rejected = placedOrder().advance(OUT_OF_STOCK, "e-oos", LATER).orElseThrow();

            assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(rejected.history().getLast().reason()).isEqualTo("out of stock");
        }

        @Test
        void a_payment_failure_after_the_order_was_paid_is_ignored() {
            assertThat(orderIn(OrderStatus.PAID).advance(PAYMENT_FAILED, "e-fail", LATER)).isEmpty();
            assertThat(orderIn(OrderStatus.PAID).advance(DECLINED, "e-decline", LATER)).isEmpty();
        }

        @Test
        void a_failure_after_shipping_is_ignored() {
            assertThat(orderIn(OrderStatus.SHIPPED).advance(PAYMENT_FAILED, "e-fail", LATER)).isEmpty();
        }

        @Test
        void a_shipment_failure_ends_a_paid_order_as_shipment_failed_with_the_reason() {
            Order failed = orderIn(OrderStatus.PAID).advance(SHIPMENT_FAILED, "e-no-carrier", LATER).orElseThrow();

            assertThat(failed.status()).isEqualTo(OrderStatus.SHIPMENT_FAILED);
            assertThat(failed.history().getLast()).isEqualTo(new StatusChange(OrderStatus.SHIPMENT_FAILED,
                    "ShipmentFailed", LATER, "e-no-carrier", NO_CARRIER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"PENDING", "RESERVED"})
        void a_shipment_failure_that_overtakes_the_charge_still_ends_the_order(OrderStatus behind) {
            Order failed = orderIn(behind).advance(SHIPMENT_FAILED, "e-no-carrier", LATER).orElseThrow();

            assertThat(failed.status()).isEqualTo(OrderStatus.SHIPMENT_FAILED);
            assertThat(failed.advance(RESERVED, "e-late-reservation", LATER)).isEmpty();
            assertThat(failed.advance(PAID, "e-late-charge", LATER)).isEmpty();
        }

        @Test
        void a_shipment_failure_after_shipping_is_ignored() {
            assertThat(orderIn(OrderStatus.SHIPPED).advance(SHIPMENT_FAILED, "e-no-carrier", LATER)).isEmpty();
        }

        @Test
        void a_shipment_failure_on_a_cancelled_order_keeps_it_cancelled() {
            assertThat(orderIn(OrderStatus.CANCELLED).advance(SHIPMENT_FAILED, "e-no-carrier", LATER)).isEmpty();
        }

        @Test
        void a_late_charge_or_booking_never_moves_a_cancelled_or_shipment_failed_order() {
            for (OrderStatus ended : List.of(OrderStatus.CANCELLED, OrderStatus.SHIPMENT_FAILED)) {
                assertThat(orderIn(ended).advance(PAID, "e-late-charge", LATER)).as("charge on " + ended).isEmpty();
                assertThat(orderIn(ended).advance(SHIPPED, "e-late-booking", LATER)).as("booking on " + ended)
                        .isEmpty();
            }
        }
    }

    @Nested
    class Ended_orders {

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class,
                names = {"SHIPPED", "REJECTED", "PAYMENT_FAILED", "CANCELLED", "SHIPMENT_FAILED"})
        void never_move_again(OrderStatus terminal) {
            Order ended = orderIn(terminal);

            for (SagaStep step : List.of(RESERVED, PAID, SHIPPED, OUT_OF_STOCK, DECLINED, PAYMENT_FAILED,
                    SHIPMENT_FAILED)) {
                assertThat(ended.advance(step, "e-" + step.event(), LATER)).as(step + " on " + terminal).isEmpty();
            }
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class,
                names = {"SHIPPED", "REJECTED", "PAYMENT_FAILED", "CANCELLED", "SHIPMENT_FAILED"})
        void are_final(OrderStatus terminal) {
            assertThat(terminal.isFinal()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"PENDING", "RESERVED", "PAID"})
        void are_the_only_final_ones(OrderStatus open) {
            assertThat(open.isFinal()).isFalse();
        }
    }

    @Nested
    class Duplicates {

        @Test
        void a_cause_already_in_the_history_is_not_applied_again_even_for_another_step() {
            Order reserved = placedOrder().advance(RESERVED, "e-1", LATER).orElseThrow();

            assertThat(reserved.advance(PAID, "e-1", LATER)).isEmpty();
            assertThat(reserved.advance(RESERVED, "e-1", LATER)).isEmpty();
            assertThat(reserved.hasApplied("e-1")).isTrue();
            assertThat(reserved.hasApplied("e-2")).isFalse();
        }

        @Test
        void the_placing_request_counts_as_an_applied_cause() {
            assertThat(placedOrder().advance(RESERVED, REQUEST_ID, LATER)).isEmpty();
        }
    }

    @Nested
    class Compensations {

        @Test
        void released_stock_is_recorded_once_without_changing_the_status() {
            Order cancelled = orderIn(OrderStatus.CANCELLED);

            Order released = cancelled.advance(STOCK_RELEASED, "e-release", LATER).orElseThrow();

            assertThat(released.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(released.version()).isEqualTo(cancelled.version() + 1);
            assertThat(released.history().getLast())
                    .isEqualTo(new StatusChange(OrderStatus.CANCELLED, "StockReleased", LATER, "e-release", null));
            assertThat(released.advance(STOCK_RELEASED, "e-release-again", LATER)).isEmpty();
        }

        @Test
        void a_refund_is_recorded_once_besides_the_released_stock() {
            Order released = orderIn(OrderStatus.CANCELLED).advance(STOCK_RELEASED, "e-release", LATER).orElseThrow();

            Order refunded = released.advance(REFUNDED, "e-refund", LATER).orElseThrow();

            assertThat(refunded.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(refunded.history()).extracting(StatusChange::event)
                    .containsExactly("OrderPlaced", "OrderCancelled", "StockReleased", "PaymentRefunded");
            assertThat(refunded.advance(REFUNDED, "e-refund-2", LATER)).isEmpty();
        }

        @Test
        void a_withdrawn_shipment_is_recorded_once_and_the_order_stays_cancelled() {
            Order cancelled = orderIn(OrderStatus.CANCELLED);

            Order withdrawn = cancelled.advance(SHIPMENT_CANCELLED, "e-withdrawn", LATER).orElseThrow();

            assertThat(withdrawn.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(withdrawn.history().getLast())
                    .isEqualTo(new StatusChange(OrderStatus.CANCELLED, "ShipmentCancelled", LATER, "e-withdrawn",
                            null));
            assertThat(withdrawn.advance(SHIPMENT_CANCELLED, "e-withdrawn-again", LATER)).isEmpty();
        }

        @Test
        void the_refund_and_release_after_a_shipment_failure_keep_the_order_shipment_failed() {
            Order compensated = orderIn(OrderStatus.SHIPMENT_FAILED).advance(STOCK_RELEASED, "e-release", LATER)
                    .flatMap(order -> order.advance(REFUNDED, "e-refund", LATER)).orElseThrow();

            assertThat(compensated.status()).isEqualTo(OrderStatus.SHIPMENT_FAILED);
            assertThat(compensated.history()).extracting(StatusChange::event).endsWith("ShipmentFailed",
                    "StockReleased", "PaymentRefunded");
        }

        @Test
        void released_stock_after_a_declined_payment_keeps_the_order_payment_failed() {
            Order released = orderIn(OrderStatus.PAYMENT_FAILED).advance(STOCK_RELEASED, "e-release", LATER)
                    .orElseThrow();

            assertThat(released.status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
        }
    }

    @Nested
    class Cancelling {

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"PENDING", "RESERVED", "PAID"})
        void is_allowed_before_the_order_ships(OrderStatus status) {
            Order order = orderIn(status);

            var outcome = order.cancel("changed my mind", "req-cancel", LATER);

            assertThat(outcome).isInstanceOfSatisfying(Order.CancelOutcome.Cancelled.class, cancelled -> {
                assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
                assertThat(cancelled.order().version()).isEqualTo(order.version() + 1);
                assertThat(cancelled.order().history()).hasSize(order.history().size() + 1);
                assertThat(cancelled.order().history().getLast()).isEqualTo(new StatusChange(OrderStatus.CANCELLED,
                        "OrderCancelled", LATER, "req-cancel", "changed my mind"));
            });
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class,
                names = {"SHIPPED", "REJECTED", "PAYMENT_FAILED", "CANCELLED", "SHIPMENT_FAILED"})
        void is_refused_once_shipped_or_ended_naming_the_current_status(OrderStatus status) {
            assertThat(orderIn(status).cancel("too late", "req-cancel", LATER))
                    .isEqualTo(new Order.CancelOutcome.NotCancellable(status));
        }
    }

    @Test
    void an_order_is_immutable_and_its_history_cannot_be_changed_from_outside() {
        Order order = placedOrder();
        order.advance(RESERVED, "e-1", LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThatThrownBy(() -> order.history().add(order.history().getFirst()))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
