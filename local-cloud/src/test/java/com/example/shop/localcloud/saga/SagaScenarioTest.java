package com.example.shop.localcloud.saga;

import com.example.shop.events.Money;
import com.example.shop.events.ShippingAddress;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.StockLevel;
import com.example.shop.localcloud.saga.InMemorySaga.Customer;
import com.example.shop.order.domain.CancelOrder;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderStatus;
import com.example.shop.order.domain.StatusChange;
import com.example.shop.payment.domain.GiveUpCharge;
import com.example.shop.payment.domain.Payment;
import com.example.shop.payment.domain.PaymentGateway.ChargeRequest;
import com.example.shop.payment.domain.PaymentGateway.RefundRequest;
import com.example.shop.payment.domain.PaymentState;
import com.example.shop.events.ShipmentCancelled;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.shipping.domain.CancelMarker;
import com.example.shop.shipping.domain.CancelledShipment;
import com.example.shop.shipping.domain.FailedShipment;
import com.example.shop.shipping.domain.Shipment;
import com.example.shop.shipping.domain.ShipmentState;
import com.example.shop.shipping.domain.ShippingRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;

import static com.example.shop.localcloud.saga.InMemoryBus.Queue.CHARGE_PAYMENT;
import static com.example.shop.localcloud.saga.InMemoryBus.Queue.ORDER_STATUS;
import static com.example.shop.localcloud.saga.InMemoryBus.Queue.RESERVE_STOCK;
import static com.example.shop.localcloud.saga.InMemoryBus.Queue.SCHEDULE_SHIPMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The order saga told as short stories, with every service's use cases wired in memory by
 * {@link InMemorySaga}: what the customer does, then what the order, the stock, the payment, the
 * shipment and the bus show once the saga has settled.
 *
 * <p>The end-to-end tests tell the same stories through the HTTP API on the local cloud; these run
 * in milliseconds and pin down exact events, ids and counts.
 */
class SagaScenarioTest {

    private static final String BEANS = "prod-espresso-beans-1kg";
    private static final Money BEANS_PRICE = new Money(12_50, "EUR");

    private static final Customer ALICE = new Customer("customer-alice", "alice@example.com",
            new ShippingAddress("Alice Example", "Hauptstrasse 1", null, "Berlin", "10115", "DE"));

    private static final String A_CARD_THAT_PAYS = "pm-card-visa";
    private static final String A_CARD_WITHOUT_FUNDS = "pm-decline-insufficient-funds";
    private static final String A_CARD_WHOSE_PROVIDER_IS_DOWN = "pm-transient-error";

    private final InMemorySaga shop = InMemorySaga.withSingleDelivery();

    @Test
    void an_order_in_stock_is_reserved_paid_and_shipped() {
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 10);

        OrderId order = shop.placeOrder(ALICE, 2, BEANS, A_CARD_THAT_PAYS);

        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shop.order(order).history()).extracting(StatusChange::event)
                .containsExactly("OrderPlaced", "StockReserved", "PaymentCharged", "ShipmentScheduled");
        assertThat(shop.stockOf(BEANS)).as("8 left to sell, 2 taken by the order").isEqualTo(beans(8, 2));
        assertThat(shop.provider().chargeRequests()).as("charged once, 2 x 12.50")
                .singleElement().extracting(ChargeRequest::amount).isEqualTo(new Money(25_00, "EUR"));
        assertThat(shop.paymentOf(order)).map(Payment::state).hasValue(PaymentState.CHARGED);
        assertThat(shop.shipmentOf(order)).as("Berlin is DHL's, two working days from Monday")
                .hasValueSatisfying(shipment -> {
                    assertThat(shipment.carrier()).isEqualTo("DHL");
                    assertThat(shipment.estimatedDelivery()).isEqualTo(LocalDate.parse("2025-03-05"));
                });
        assertThat(shop.bus().publishedTypes())
                .containsExactly("OrderPlaced", "StockReserved", "PaymentCharged", "ShipmentScheduled");
        assertThat(shop.bus().deadLetters()).isEmpty();
    }

    @Test
    void an_order_for_more_than_is_in_stock_is_rejected_and_nothing_is_charged() {
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 1);

        OrderId order = shop.placeOrder(ALICE, 3, BEANS, A_CARD_THAT_PAYS);

        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(shop.order(order).history()).extracting(StatusChange::event, StatusChange::reason)
                .containsExactly(tuple("OrderPlaced", null),
                        tuple("StockUnavailable", "out of stock"));
        assertThat(shop.stockOf(BEANS)).as("untouched").isEqualTo(beans(1, 0));
        assertThat(shop.provider().chargeRequests()).isEmpty();
        assertThat(shop.paymentOf(order)).isEmpty();
        assertThat(shop.shipmentOf(order)).isEmpty();
        assertThat(shop.bus().publishedTypes()).containsExactly("OrderPlaced", "StockUnavailable");
    }

    @Test
    void a_declined_card_fails_the_order_with_the_banks_reason_and_gives_the_stock_back() {
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 5);

        OrderId order = shop.placeOrder(ALICE, 2, BEANS, A_CARD_WITHOUT_FUNDS);

        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
        assertThat(shop.order(order).history()).extracting(StatusChange::event)
                .containsExactly("OrderPlaced", "StockReserved", "PaymentDeclined", "StockReleased");
        assertThat(shop.order(order).history().get(2).reason()).isEqualTo("insufficient-funds");
        assertThat(shop.stockOf(BEANS)).as("all 5 free again").isEqualTo(beans(5, 0));
        assertThat(shop.paymentOf(order)).map(Payment::state).hasValue(PaymentState.DECLINED);
        assertThat(shop.shipmentOf(order)).isEmpty();
        assertThat(shop.bus().publishedTypes())
                .containsExactly("OrderPlaced", "StockReserved", "PaymentDeclined", "StockReleased");
    }

    @Test
    void a_payment_provider_that_stays_down_ends_in_the_dlq_and_the_saga_compensates() {
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 4);

        OrderId order = shop.placeOrder(ALICE, 1, BEANS, A_CARD_WHOSE_PROVIDER_IS_DOWN);

        assertThat(shop.provider().chargeRequests()).as("one try per receive of the charge queue")
                .hasSize(InMemorySaga.MAX_RECEIVE_COUNT);
        assertThat(shop.bus().deadLetters(CHARGE_PAYMENT)).singleElement().satisfies(letter -> {
            assertThat(letter.event().metadata().eventType()).isEqualTo("StockReserved");
            assertThat(letter.receiveCount()).isEqualTo(5);
        });
        assertThat(shop.bus().publishedTypes())
                .containsExactly("OrderPlaced", "StockReserved", "PaymentFailed", "StockReleased");
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
        assertThat(shop.order(order).history().get(2).reason()).isEqualTo(GiveUpCharge.reason(5));
        assertThat(shop.paymentOf(order)).map(Payment::state).hasValue(PaymentState.FAILED);
        assertThat(shop.stockOf(BEANS)).as("released").isEqualTo(beans(4, 0));
        assertThat(shop.opsAlerts()).as("the operators are paged").singleElement().satisfies(alert -> {
            assertThat(alert.orderId()).isEqualTo(order.value());
            assertThat(alert.outcome()).startsWith("PaymentFailed announced");
        });
    }

    @Test
    void cancelling_a_paid_order_refunds_releases_the_stock_and_ignores_the_late_shipment() {
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 3);
        shop.pause(SCHEDULE_SHIPMENT);
        OrderId order = shop.placeOrder(ALICE, 1, BEANS, A_CARD_THAT_PAYS);
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.PAID);

        shop.later(Duration.ofHours(1));
        var cancelled = shop.cancel(ALICE, order, "found it cheaper");
        shop.resume(SCHEDULE_SHIPMENT);

        assertThat(cancelled).isInstanceOf(CancelOrder.Outcome.Cancelled.class);
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(shop.order(order).history()).extracting(StatusChange::event).containsExactly("OrderPlaced",
                "StockReserved", "PaymentCharged", "OrderCancelled", "StockReleased", "PaymentRefunded");
        assertThat(shop.order(order).history().get(3).at()).isEqualTo(InMemorySaga.START.plus(Duration.ofHours(1)));
        assertThat(shop.paymentOf(order)).map(Payment::state).hasValue(PaymentState.REFUNDED);
        assertThat(shop.provider().refundRequests()).singleElement()
                .extracting(RefundRequest::amount).isEqualTo(BEANS_PRICE);
        assertThat(shop.stockOf(BEANS)).as("all 3 free again").isEqualTo(beans(3, 0));
        assertThat(shop.bus().publishedTypes()).as("shipping heard of the cancellation first and booked nothing")
                .containsExactly("OrderPlaced", "StockReserved", "PaymentCharged", "OrderCancelled", "StockReleased",
                        "PaymentRefunded");
        assertThat(shop.shipmentOf(order)).isEmpty();
    }

    @Test
    void a_cancel_that_reaches_shipping_before_the_booking_leaves_a_marker_and_no_shipment() {
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 3);
        shop.pause(SCHEDULE_SHIPMENT);
        OrderId order = shop.placeOrder(ALICE, 1, BEANS, A_CARD_THAT_PAYS);

        shop.cancel(ALICE, order, "found it cheaper");
        shop.resume(SCHEDULE_SHIPMENT);

        assertThat(shop.shippingRecordOf(order)).as("the cancel marker stands where the shipment would be")
                .contains(new CancelMarker(order.value(), ALICE.id()));
        assertThat(shop.carriers().bookingRequests()).as("the late payment booked nothing").isEmpty();
        assertThat(shop.shipmentOf(order)).isEmpty();
        assertThat(shop.bus().publishedTypes()).doesNotContain("ShipmentScheduled", "ShipmentCancelled");
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_cancel_after_the_booking_withdraws_the_shipment_and_announces_it_once() {
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 3);
        // The order service is slow to hear of the saga, so it still accepts the cancel after the parcel is booked.
        shop.pause(ORDER_STATUS);
        OrderId order = shop.placeOrder(ALICE, 1, BEANS, A_CARD_THAT_PAYS);
        assertThat(shop.shipmentOf(order)).as("booked").isPresent();

        var cancelled = shop.cancel(ALICE, order, "changed my mind");
        shop.resume(ORDER_STATUS);

        assertThat(cancelled).isInstanceOf(CancelOrder.Outcome.Cancelled.class);
        assertThat(shop.shippingRecordOf(order)).map(ShippingRecord::state).hasValue(ShipmentState.CANCELLED);
        assertThat(shop.shipmentOf(order)).as("no live shipment remains").isEmpty();
        assertThat(shop.carriers().withdrawals()).as("withdrawn from the carrier once").singleElement()
                .satisfies(withdrawal -> assertThat(withdrawal.carrier()).isEqualTo("DHL"));
        assertThat(shop.bus().publishedTypes()).as("the compensation of ShipmentScheduled, published once")
                .containsOnlyOnce("ShipmentScheduled", "ShipmentCancelled")
                .containsSubsequence("ShipmentScheduled", "OrderCancelled", "ShipmentCancelled");
        var withdrawn = (CancelledShipment) shop.shippingRecordOf(order).orElseThrow();
        assertThat(shop.bus().published()).filteredOn(event -> event.data() instanceof ShipmentCancelled)
                .singleElement().satisfies(event -> assertThat(event.data()).isEqualTo(new ShipmentCancelled(
                        order.value(), ALICE.id(), withdrawn.withdrawn().shipmentId(), "DHL")));
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(shop.paymentOf(order)).map(Payment::state).hasValue(PaymentState.REFUNDED);
        assertThat(shop.stockOf(BEANS)).as("all 3 free again").isEqualTo(beans(3, 0));
    }

    @Test
    void a_parcel_to_a_country_no_carrier_serves_fails_the_order_refunds_and_releases() {
        Customer inAntarctica = new Customer("customer-bob", "bob@example.com",
                new ShippingAddress("Bob Example", "McMurdo Station", null, "Ross Island", "96599", "AQ"));
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 3);

        OrderId order = shop.placeOrder(inAntarctica, 1, BEANS, A_CARD_THAT_PAYS);

        assertThat(shop.shippingRecordOf(order)).as("the refusal is recorded under the order")
                .hasValueSatisfying(record -> assertThat(record).isInstanceOfSatisfying(FailedShipment.class,
                        failed -> assertThat(failed.reason()).isEqualTo("no carrier delivers to AQ")));
        assertThat(shop.shipmentOf(order)).isEmpty();
        assertThat(shop.bus().published()).filteredOn(event -> event.data() instanceof ShipmentFailed)
                .singleElement().satisfies(event -> assertThat(event.data()).isEqualTo(
                        new ShipmentFailed(order.value(), inAntarctica.id(), "no carrier delivers to AQ")));
        assertThat(shop.bus().publishedTypes()).startsWith("OrderPlaced", "StockReserved", "PaymentCharged",
                "ShipmentFailed").doesNotContain("ShipmentScheduled");
        assertThat(shop.bus().deadLetters()).isEmpty();
        assertThat(shop.order(order).status()).as("a terminal status of its own").isEqualTo(OrderStatus.SHIPMENT_FAILED);
        assertThat(shop.order(order).history()).extracting(StatusChange::event)
                .containsOnlyOnce("ShipmentFailed", "PaymentRefunded", "StockReleased");
        assertThat(shop.paymentOf(order)).map(Payment::state).hasValue(PaymentState.REFUNDED);
        assertThat(shop.provider().refundRequests()).singleElement().extracting(RefundRequest::amount).isEqualTo(BEANS_PRICE);
        assertThat(shop.stockOf(BEANS)).as("all 3 free again").isEqualTo(beans(3, 0));
    }

    @Test
    void a_cancel_before_the_reservation_reserves_nothing_charges_nothing_and_books_nothing() {
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 3);
        shop.pause(RESERVE_STOCK);
        OrderId order = shop.placeOrder(ALICE, 1, BEANS, A_CARD_THAT_PAYS);

        var cancelled = shop.cancel(ALICE, order, "ordered by mistake");
        shop.resume(RESERVE_STOCK);

        assertThat(cancelled).isInstanceOf(CancelOrder.Outcome.Cancelled.class);
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(shop.stockOf(BEANS)).as("the late order reserved nothing").isEqualTo(beans(3, 0));
        assertThat(shop.provider().chargeRequests()).isEmpty();
        assertThat(shop.shippingRecordOf(order)).contains(new CancelMarker(order.value(), ALICE.id()));
        assertThat(shop.bus().publishedTypes()).containsExactly("OrderPlaced", "OrderCancelled");
    }

    @Test
    void a_cancel_between_reservation_and_charge_releases_the_stock_once_and_charges_nothing() {
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 3);
        shop.pause(CHARGE_PAYMENT);
        OrderId order = shop.placeOrder(ALICE, 2, BEANS, A_CARD_THAT_PAYS);
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.RESERVED);

        shop.cancel(ALICE, order, "ordered by mistake");
        shop.resume(CHARGE_PAYMENT);

        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(shop.order(order).history()).extracting(StatusChange::event)
                .containsExactly("OrderPlaced", "StockReserved", "OrderCancelled", "StockReleased");
        assertThat(shop.stockOf(BEANS)).as("all 3 free again").isEqualTo(beans(3, 0));
        assertThat(shop.provider().chargeRequests()).as("the late reservation is never charged").isEmpty();
        assertThat(shop.paymentOf(order)).map(Payment::state).hasValue(PaymentState.CANCELLED);
        assertThat(shop.bus().publishedTypes()).containsOnlyOnce("StockReleased")
                .doesNotContain("PaymentCharged", "ShipmentScheduled");
    }

    @Test
    void a_shipped_order_can_no_longer_be_cancelled() {
        shop.sells(BEANS, BEANS_PRICE);
        shop.restocks(BEANS, 10);
        OrderId order = shop.placeOrder(ALICE, 1, BEANS, A_CARD_THAT_PAYS);

        var tooLate = shop.cancel(ALICE, order, "changed my mind");

        assertThat(tooLate).isEqualTo(new CancelOrder.Outcome.NotCancellable(OrderStatus.SHIPPED));
        assertThat(shop.order(order).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shop.provider().refundRequests()).isEmpty();
        assertThat(shop.bus().publishedTypes()).doesNotContain("OrderCancelled");
    }

    @Test
    void every_message_delivered_twice_ends_exactly_as_when_delivered_once() {
        Function<InMemorySaga, OrderId> aliceBuysTwoBags = saga -> {
            saga.sells(BEANS, BEANS_PRICE);
            saga.restocks(BEANS, 10);
            return saga.placeOrder(ALICE, 2, BEANS, A_CARD_THAT_PAYS);
        };
        InMemorySaga once = InMemorySaga.withSingleDelivery();
        InMemorySaga twice = InMemorySaga.withEveryMessageDeliveredTwice();

        OrderId order = aliceBuysTwoBags.apply(once);
        assertThat(aliceBuysTwoBags.apply(twice)).isEqualTo(order);

        assertThat(twice.bus().receives()).as("every message was delivered twice")
                .isGreaterThanOrEqualTo(2 * once.bus().receives());
        assertThat(twice.order(order)).isEqualTo(once.order(order));
        assertThat(twice.order(order).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(twice.stockOf(BEANS)).isEqualTo(beans(8, 2));
        assertThat(twice.provider().chargeRequests()).hasSize(1);
        assertThat(twice.paymentOf(order)).isEqualTo(once.paymentOf(order));
        assertThat(twice.shipmentOf(order)).isEqualTo(once.shipmentOf(order)).map(Shipment::carrier).hasValue("DHL");
        assertThat(twice.bus().distinctEventTypes()).as("a repeat announces the same event, under the same id")
                .containsExactly("OrderPlaced", "StockReserved", "PaymentCharged", "ShipmentScheduled");
        assertThat(twice.bus().deadLetters()).isEmpty();
    }

    /** The stock of the beans: units free to sell, and units taken by orders. */
    private static StockLevel beans(long available, long reserved) {
        return new StockLevel(new ProductId(BEANS), available, reserved);
    }
}
