package com.example.shop.order.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.Money;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.ProductCreated;
import com.example.shop.order.testing.InMemoryOrderRepository;
import com.example.shop.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static com.example.shop.order.OrderFixtures.NO_CARRIER;
import static com.example.shop.order.OrderFixtures.ORDER_ID;
import static com.example.shop.order.OrderFixtures.orderIn;
import static com.example.shop.order.OrderFixtures.paymentCharged;
import static com.example.shop.order.OrderFixtures.paymentDeclined;
import static com.example.shop.order.OrderFixtures.paymentFailed;
import static com.example.shop.order.OrderFixtures.paymentRefunded;
import static com.example.shop.order.OrderFixtures.placedOrder;
import static com.example.shop.order.OrderFixtures.shipmentCancelled;
import static com.example.shop.order.OrderFixtures.shipmentFailed;
import static com.example.shop.order.OrderFixtures.shipmentScheduled;
import static com.example.shop.order.OrderFixtures.stockReleased;
import static com.example.shop.order.OrderFixtures.stockReserved;
import static com.example.shop.order.OrderFixtures.stockUnavailable;
import static com.example.shop.platform.testing.SequentialIds.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Following the saga: other services' events applied to the order they are about. */
class TrackOrderTest {

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final MutableClock clock = MutableClock.atSampleTime();
    private final TrackOrder trackOrder = new TrackOrder(orders, clock);

    static Stream<Arguments> every_saga_event_the_order_follows() {
        return Stream.of(
                Arguments.of(OrderStatus.PENDING, stockReserved(id(1)), OrderStatus.RESERVED, "StockReserved"),
                Arguments.of(OrderStatus.PENDING, stockUnavailable(id(1)), OrderStatus.REJECTED, "StockUnavailable"),
                Arguments.of(OrderStatus.RESERVED, paymentCharged(id(1)), OrderStatus.PAID, "PaymentCharged"),
                Arguments.of(OrderStatus.RESERVED, paymentDeclined(id(1), "card expired"), OrderStatus.PAYMENT_FAILED,
                        "PaymentDeclined"),
                Arguments.of(OrderStatus.RESERVED, paymentFailed(id(1)), OrderStatus.PAYMENT_FAILED, "PaymentFailed"),
                Arguments.of(OrderStatus.PAID, shipmentScheduled(id(1)), OrderStatus.SHIPPED, "ShipmentScheduled"),
                Arguments.of(OrderStatus.CANCELLED, stockReleased(id(1)), OrderStatus.CANCELLED, "StockReleased"),
                Arguments.of(OrderStatus.CANCELLED, paymentRefunded(id(1)), OrderStatus.CANCELLED, "PaymentRefunded"),
                Arguments.of(OrderStatus.PAID, shipmentFailed(id(1)), OrderStatus.SHIPMENT_FAILED, "ShipmentFailed"),
                Arguments.of(OrderStatus.CANCELLED, shipmentCancelled(id(1)), OrderStatus.CANCELLED,
                        "ShipmentCancelled"),
                Arguments.of(OrderStatus.SHIPMENT_FAILED, stockReleased(id(1)), OrderStatus.SHIPMENT_FAILED,
                        "StockReleased"),
                Arguments.of(OrderStatus.SHIPMENT_FAILED, paymentRefunded(id(1)), OrderStatus.SHIPMENT_FAILED,
                        "PaymentRefunded"));
    }

    @ParameterizedTest(name = "{1} on a {0} order leaves it {2}")
    @MethodSource("every_saga_event_the_order_follows")
    void every_saga_event_the_order_follows_is_applied_and_recorded(OrderStatus from,
            EventEnvelope<? extends DomainEvent> event, OrderStatus to, String recordedAs) {
        orders.given(orderIn(from));

        var outcome = trackOrder.apply(event);

        Order stored = orders.get(ORDER_ID);
        assertThat(outcome).isEqualTo(new TrackOrder.Outcome.Applied(stored));
        assertThat(stored.status()).isEqualTo(to);
        assertThat(stored.history().getLast().event()).isEqualTo(recordedAs);
        assertThat(stored.history().getLast().causeId()).isEqualTo(event.eventId());
        assertThat(stored.history().getLast().at()).isEqualTo(clock.instant());
    }

    @Test
    void a_declined_payment_records_the_providers_reason() {
        orders.given(orderIn(OrderStatus.RESERVED));

        trackOrder.apply(paymentDeclined(id(1), "insufficient funds"));

        assertThat(orders.get(ORDER_ID).history().getLast().reason()).isEqualTo("insufficient funds");
    }

    @Test
    void a_shipment_failure_records_the_carriers_reason() {
        orders.given(orderIn(OrderStatus.PAID));

        trackOrder.apply(shipmentFailed(id(1)));

        assertThat(orders.get(ORDER_ID).history().getLast().reason()).isEqualTo(NO_CARRIER);
    }

    @Test
    void a_shipment_failure_seen_before_the_reservation_and_the_charge_ends_the_order_and_they_are_then_stale() {
        orders.given(placedOrder());

        trackOrder.apply(shipmentFailed(id(3)));
        var lateReservation = trackOrder.apply(stockReserved(id(1)));
        var lateCharge = trackOrder.apply(paymentCharged(id(2)));

        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.SHIPMENT_FAILED);
        assertThat(lateReservation).isEqualTo(new TrackOrder.Outcome.Ignored("stale: order is SHIPMENT_FAILED"));
        assertThat(lateCharge).isEqualTo(new TrackOrder.Outcome.Ignored("stale: order is SHIPMENT_FAILED"));
        assertThat(orders.writes()).hasSize(1);
    }

    @Test
    void a_late_booking_never_moves_a_cancelled_order() {
        Order cancelled = orderIn(OrderStatus.CANCELLED);
        orders.given(cancelled);

        var outcome = trackOrder.apply(shipmentScheduled(id(1)));

        assertThat(outcome).isEqualTo(new TrackOrder.Outcome.Ignored("stale: order is CANCELLED"));
        assertThat(orders.get(ORDER_ID)).isEqualTo(cancelled);
    }

    @Test
    void a_late_charge_never_moves_a_cancelled_or_shipment_failed_order() {
        for (OrderStatus ended : List.of(OrderStatus.CANCELLED, OrderStatus.SHIPMENT_FAILED)) {
            Order order = orderIn(ended);
            orders.given(order);

            var outcome = trackOrder.apply(paymentCharged(id(1)));

            assertThat(outcome).as(ended.name()).isEqualTo(new TrackOrder.Outcome.Ignored("stale: order is " + ended));
            assertThat(orders.get(ORDER_ID)).isEqualTo(order);
        }
        assertThat(orders.writes()).isEmpty();
    }

    @Test
    void a_shipment_failure_after_the_cancel_leaves_the_order_cancelled() {
        Order cancelled = orderIn(OrderStatus.CANCELLED);
        orders.given(cancelled);

        var outcome = trackOrder.apply(shipmentFailed(id(1)));

        assertThat(outcome).isEqualTo(new TrackOrder.Outcome.Ignored("stale: order is CANCELLED"));
        assertThat(orders.get(ORDER_ID)).isEqualTo(cancelled);
    }

    @Test
    void a_status_change_is_stored_without_outbox_events() {
        orders.given(placedOrder());

        trackOrder.apply(stockReserved(id(1)));

        assertThat(orders.writes()).singleElement().satisfies(write -> {
            assertThat(write.order().version()).isEqualTo(1);
            assertThat(write.events()).isEmpty();
        });
    }

    @Test
    void the_same_event_twice_is_applied_once() {
        orders.given(placedOrder());
        trackOrder.apply(stockReserved(id(1)));

        var again = trackOrder.apply(stockReserved(id(1)));

        assertThat(again).isEqualTo(new TrackOrder.Outcome.Ignored("duplicate"));
        assertThat(orders.writes()).hasSize(1);
        assertThat(orders.get(ORDER_ID).history()).filteredOn(change -> change.causeId().equals(id(1))).hasSize(1);
    }

    @Test
    void a_stale_event_changes_nothing_and_says_where_the_order_stands() {
        Order paid = orderIn(OrderStatus.PAID);
        orders.given(paid);

        var outcome = trackOrder.apply(stockReserved(id(7)));

        assertThat(outcome).isInstanceOfSatisfying(TrackOrder.Outcome.Ignored.class, ignored ->
                assertThat(ignored.why()).contains("stale").contains("PAID"));
        assertThat(orders.get(ORDER_ID)).isEqualTo(paid);
        assertThat(orders.writes()).isEmpty();
    }

    @Test
    void an_event_for_an_unknown_order_fails_so_that_the_message_is_retried() {
        assertThatThrownBy(() -> trackOrder.apply(stockReserved(id(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ORDER_ID.value());
    }

    @Test
    void an_event_that_is_not_about_an_order_is_ignored() {
        var productCreated = EventEnvelope.of(new ProductCreated("prod-x", "X", "cat-1", new Money(100, "EUR")),
                id(1), Instant.EPOCH, "corr", "cause");

        assertThat(trackOrder.apply(productCreated)).isInstanceOf(TrackOrder.Outcome.Ignored.class);
    }

    @Test
    void the_orders_own_events_do_not_move_it() {
        orders.given(placedOrder());
        var ownEvent = EventEnvelope.of(new OrderCancelled(ORDER_ID.value(), "c", "r"),
                id(1), Instant.EPOCH, "corr", "cause");

        assertThat(trackOrder.apply(ownEvent)).isInstanceOf(TrackOrder.Outcome.Ignored.class);
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void when_another_event_lands_first_the_event_is_applied_on_top_of_it() {
        orders.given(orderIn(OrderStatus.RESERVED));
        orders.beforeNextUpdate(repo -> repo.given(repo.get(ORDER_ID)
                .advance(new SagaStep.Compensation("StockReleased"), id(50), clock.instant()).orElseThrow()));

        var outcome = trackOrder.apply(paymentCharged(id(1)));

        assertThat(outcome).isInstanceOf(TrackOrder.Outcome.Applied.class);
        assertThat(orders.refusedWrites()).isEqualTo(1);
        assertThat(orders.get(ORDER_ID).history()).extracting(StatusChange::event)
                .endsWith("StockReleased", "PaymentCharged");
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.PAID);
    }
}
