package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.UnavailableLine;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.order.testing.InMemoryOrderRepository;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderStatus;
import com.example.shop.order.domain.SagaStep;
import com.example.shop.order.domain.StatusChange;
import com.example.shop.order.domain.TrackOrder;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.example.shop.order.OrderFixtures.CUSTOMER;
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
import static com.example.shop.order.handler.SqsFixtures.batch;
import static com.example.shop.order.handler.SqsFixtures.eventBridgeEvent;
import static com.example.shop.order.handler.SqsFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

/** The order status updater, fed SQS messages holding EventBridge events. */
class UpdateOrderStatusHandlerTest {

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    private final UpdateOrderStatusHandler handler = new UpdateOrderStatusHandler(
            new TrackOrder(orders, MutableClock.atSampleTime()), new EventCodec(), processed,
            TestObservability.of("order"));

    private static List<String> failedMessageIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void stock_reserved_moves_the_order_to_reserved_and_marks_the_event_processed() {
        orders.given(placedOrder());

        var response = handler.handleRequest(batch(message("m-1", stockReserved(id(1)))), null);

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(processed.markers()).containsExactly("update-order-status#" + id(1));
    }

    @Test
    void the_golden_stock_reserved_sample_moves_its_order() {
        OrderId sampleOrder = new OrderId(SampleEvents.ORDER_ID);
        orders.given(placedOrder(sampleOrder, SampleEvents.CUSTOMER_ID));

        var response = handler.handleRequest(batch(message("m-1",
                eventBridgeEvent("shop.inventory", "StockReserved", GoldenSamples.json("StockReserved")))), null);

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(orders.get(sampleOrder).status()).isEqualTo(OrderStatus.RESERVED);
    }

    @Test
    void the_golden_shipment_failed_sample_ends_its_paid_order_with_the_reason() {
        OrderId sampleOrder = new OrderId(SampleEvents.ORDER_ID);
        Order paid = placedOrder(sampleOrder, SampleEvents.CUSTOMER_ID)
                .advance(new SagaStep.Progress(OrderStatus.PAID, "PaymentCharged"), id(1), SampleEvents.NOW)
                .orElseThrow();
        orders.given(paid);

        var response = handler.handleRequest(batch(message("m-1",
                eventBridgeEvent("shop.shipping", "ShipmentFailed", GoldenSamples.json("ShipmentFailed")))), null);

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(orders.get(sampleOrder).status()).isEqualTo(OrderStatus.SHIPMENT_FAILED);
        assertThat(orders.get(sampleOrder).history().getLast().reason()).isEqualTo("no carrier delivers to AQ");
    }

    @Test
    void the_golden_shipment_cancelled_sample_is_recorded_on_its_cancelled_order() {
        OrderId sampleOrder = new OrderId(SampleEvents.ORDER_ID);
        Order placed = placedOrder(sampleOrder, SampleEvents.CUSTOMER_ID);
        Order cancelled = ((Order.CancelOutcome.Cancelled) placed.cancel("changed my mind", "req-cancel",
                SampleEvents.NOW)).order();
        orders.given(cancelled);

        var response = handler.handleRequest(batch(message("m-1",
                eventBridgeEvent("shop.shipping", "ShipmentCancelled", GoldenSamples.json("ShipmentCancelled")))),
                null);

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(orders.get(sampleOrder).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.get(sampleOrder).history().getLast().event()).isEqualTo("ShipmentCancelled");
    }

    static Stream<Arguments> every_routed_event() {
        return Stream.of(
                Arguments.of(OrderStatus.PENDING, stockReserved(id(1)), OrderStatus.RESERVED),
                Arguments.of(OrderStatus.PENDING, stockUnavailable(id(1)), OrderStatus.REJECTED),
                Arguments.of(OrderStatus.RESERVED, paymentCharged(id(1)), OrderStatus.PAID),
                Arguments.of(OrderStatus.RESERVED, paymentDeclined(id(1), "card expired"), OrderStatus.PAYMENT_FAILED),
                Arguments.of(OrderStatus.RESERVED, paymentFailed(id(1)), OrderStatus.PAYMENT_FAILED),
                Arguments.of(OrderStatus.PAID, shipmentScheduled(id(1)), OrderStatus.SHIPPED),
                Arguments.of(OrderStatus.CANCELLED, stockReleased(id(1)), OrderStatus.CANCELLED),
                Arguments.of(OrderStatus.CANCELLED, paymentRefunded(id(1)), OrderStatus.CANCELLED),
                Arguments.of(OrderStatus.PAID, shipmentFailed(id(1)), OrderStatus.SHIPMENT_FAILED),
                Arguments.of(OrderStatus.CANCELLED, shipmentCancelled(id(1)), OrderStatus.CANCELLED));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("every_routed_event")
    void every_saga_event_the_rule_routes_here_reaches_the_order(OrderStatus from,
            EventEnvelope<? extends DomainEvent> event, OrderStatus to) {
        Order before = orderIn(from);
        orders.given(before);

        var response = handler.handleRequest(batch(message("m-1", event)), null);

        assertThat(failedMessageIds(response)).isEmpty();
        Order after = orders.get(ORDER_ID);
        assertThat(after.status()).isEqualTo(to);
        assertThat(after.history()).hasSize(before.history().size() + 1);
        assertThat(after.history().getLast().causeId()).isEqualTo(event.eventId());
    }

    @Test
    void the_same_event_delivered_twice_is_applied_once() {
        orders.given(placedOrder());

        handler.handleRequest(batch(message("m-1", stockReserved(id(1)))), null);
        var redelivery = handler.handleRequest(batch(message("m-2", stockReserved(id(1)))), null);

        assertThat(failedMessageIds(redelivery)).isEmpty();
        assertThat(orders.writes()).hasSize(1);
        assertThat(orders.get(ORDER_ID).history()).extracting(StatusChange::causeId).containsOnlyOnce(id(1));
    }

    @Test
    void a_duplicate_inside_one_batch_is_applied_once() {
        orders.given(placedOrder());

        var response = handler.handleRequest(batch(message("m-1", stockReserved(id(1))),
                message("m-2", stockReserved(id(1)))), null);

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(orders.get(ORDER_ID).history()).extracting(StatusChange::causeId).containsOnlyOnce(id(1));
    }

    @Test
    void a_late_redelivery_after_the_markers_expired_is_still_applied_once() {
        orders.given(placedOrder());
        handler.handleRequest(batch(message("m-1", stockReserved(id(1)))), null);
        processed.forget();

        var response = handler.handleRequest(batch(message("m-2", stockReserved(id(1)))), null);

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(orders.writes()).hasSize(1);
        assertThat(orders.get(ORDER_ID).history()).extracting(StatusChange::causeId).containsOnlyOnce(id(1));
    }

    @Test
    void as_wired_for_lambda_it_keeps_no_markers_and_the_history_alone_applies_a_redelivery_once() {
        var asWired = new UpdateOrderStatusHandler(new TrackOrder(orders, MutableClock.atSampleTime()), new EventCodec(),
                ProcessedEvents.KEPT_BY_THE_ROUTES, TestObservability.of("order"));
        orders.given(placedOrder());

        asWired.handleRequest(batch(message("m-1", stockReserved(id(1)))), null);
        var response = asWired.handleRequest(batch(message("m-2", stockReserved(id(1))),
                message("m-3", stockReserved(id(1)))), null);

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(orders.writes()).hasSize(1);
        assertThat(orders.get(ORDER_ID).history()).extracting(StatusChange::causeId).containsOnlyOnce(id(1));
    }

    @Test
    void a_stale_event_changes_nothing_and_is_acknowledged() {
        Order paid = orderIn(OrderStatus.PAID);
        orders.given(paid);

        var response = handler.handleRequest(batch(message("m-1", stockReserved(id(1)))), null);

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(orders.get(ORDER_ID)).isEqualTo(paid);
        assertThat(orders.writes()).isEmpty();
    }

    @Test
    void an_event_for_an_unknown_order_fails_only_its_own_message() {
        orders.given(placedOrder());
        var forUnknownOrder = EventEnvelope.of(new StockUnavailable(
                        "0a0a0a0a-0000-4000-8000-000000000000", CUSTOMER,
                        List.of(new UnavailableLine("prod-x", 2, 0))),
                id(2), SampleEvents.NOW, "corr", "cause");

        var response = handler.handleRequest(batch(
                message("m-1", stockReserved(id(1))),
                message("m-2", forUnknownOrder),
                message("m-3", paymentCharged(id(3)))), null);

        assertThat(failedMessageIds(response)).containsExactly("m-2");
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.PAID);
        assertThat(processed.markers()).doesNotContain("update-order-status#" + id(2));
    }

    @Test
    void a_body_that_is_not_json_is_reported_as_failed_not_dropped() {
        orders.given(placedOrder());

        var response = handler.handleRequest(batch(message("m-1", "this is not { json"),
                message("m-2", stockReserved(id(1)))), null);

        assertThat(failedMessageIds(response)).containsExactly("m-1");
        assertThat(orders.get(ORDER_ID).status()).isEqualTo(OrderStatus.RESERVED);
    }

    @Test
    void an_event_type_this_build_does_not_know_is_acknowledged_without_touching_orders() {
        orders.given(placedOrder());
        String future = "{\"metadata\":{\"eventId\":\"" + id(9) + "\",\"eventType\":\"LoyaltyPointsAwarded\","
                + "\"eventVersion\":1,\"occurredAt\":\"2026-11-27T10:15:31Z\",\"source\":\"shop.loyalty\","
                + "\"correlationId\":\"c\",\"causationId\":\"c\"},\"data\":{\"orderId\":\"" + ORDER_ID.value() + "\"}}";

        var response = handler.handleRequest(batch(message("m-1",
                eventBridgeEvent("shop.loyalty", "LoyaltyPointsAwarded", future))), null);

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(orders.writes()).isEmpty();
    }
}
