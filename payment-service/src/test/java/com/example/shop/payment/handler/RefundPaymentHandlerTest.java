package com.example.shop.payment.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.payment.domain.PaymentState;
import com.example.shop.payment.domain.RefundPayment;
import com.example.shop.payment.testing.Fixtures;
import com.example.shop.payment.testing.UnavailableGateway;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefundPaymentHandlerTest {

    private final PaymentFunctions functions = new PaymentFunctions();
    private final EventEnvelope<OrderCancelled> cancelled = Fixtures.orderCancelled();
    private final EventEnvelope<ShipmentFailed> shipmentFailed = Fixtures.shipmentFailed();

    @Test
    void a_cancellation_after_the_charge_refunds_it_and_announces_payment_refunded_once() {
        functions.charge(Fixtures.sqs(Fixtures.stockReserved()));

        SQSBatchResponse first = functions.refund(Fixtures.sqs(cancelled));
        SQSBatchResponse duplicate = functions.refund(Fixtures.sqs(cancelled));

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(duplicate.getBatchItemFailures()).isEmpty();
        assertThat(functions.gateway.refundRequests()).hasSize(1);
        assertThat(functions.bus.publishedTypes()).containsExactly("PaymentCharged", "PaymentRefunded");
        var refunded = functions.bus.published().get(1);
        assertThat(refunded.eventId()).isEqualTo(EventIds.derive(cancelled.eventId(), "PaymentRefunded"));
        assertThat(refunded.metadata().causationId()).isEqualTo(cancelled.eventId());
        assertThat(refunded.data()).isInstanceOfSatisfying(PaymentRefunded.class, data -> {
            assertThat(data.refundId()).startsWith("re_");
            assertThat(data.amount()).isEqualTo(Fixtures.stockReserved().data().total());
        });
    }

    @Test
    void a_redelivery_after_the_refund_announces_the_same_refund_again() {
        functions.charge(Fixtures.sqs(Fixtures.stockReserved()));
        functions.refund(Fixtures.sqs(cancelled));
        functions.processed.forget();

        functions.refund(Fixtures.sqs(cancelled));

        assertThat(functions.gateway.refundRequests()).hasSize(1);
        assertThat(functions.bus.publishedTypes()).containsExactly("PaymentCharged", "PaymentRefunded", "PaymentRefunded");
        assertThat(functions.bus.published().get(2)).isEqualTo(functions.bus.published().get(1));
    }

    @Test
    void a_cancellation_before_the_charge_announces_nothing_and_blocks_the_charge() {
        SQSBatchResponse response = functions.refund(Fixtures.sqs(cancelled));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(functions.bus.published()).isEmpty();
        assertThat(functions.payments.get(cancelled.data().orderId()).state()).isEqualTo(PaymentState.CANCELLED);

        functions.charge(Fixtures.sqs(Fixtures.stockReserved()));
        assertThat(functions.gateway.chargeRequests()).isEmpty();
        assertThat(functions.bus.published()).isEmpty();
    }

    @Test
    void an_unavailable_provider_fails_the_message_so_the_refund_is_retried() {
        functions.charge(Fixtures.sqs(Fixtures.stockReserved()));
        var handler = new RefundPaymentHandler(
                new RefundPayment(functions.payments, new UnavailableGateway(), functions.clock),
                Fixtures.CODEC, functions.processed, functions.bus, TestObservability.of("payment"));

        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context());

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(functions.bus.publishedTypes()).containsExactly("PaymentCharged");
        assertThat(functions.payments.get(cancelled.data().orderId()).state()).isEqualTo(PaymentState.CHARGED);
    }

    @Test
    void a_shipment_failure_after_the_charge_refunds_it_and_announces_payment_refunded_once() {
        functions.charge(Fixtures.sqs(Fixtures.stockReserved()));

        SQSBatchResponse first = functions.refund(Fixtures.sqs(shipmentFailed));
        SQSBatchResponse duplicate = functions.refund(Fixtures.sqs(shipmentFailed));

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(duplicate.getBatchItemFailures()).isEmpty();
        assertThat(functions.gateway.refundRequests()).singleElement()
                .satisfies(request -> assertThat(request.idempotencyKey()).isEqualTo(shipmentFailed.data().orderId()));
        assertThat(functions.bus.publishedTypes()).containsExactly("PaymentCharged", "PaymentRefunded");
        var refunded = functions.bus.published().get(1);
        assertThat(refunded.eventId()).isEqualTo(EventIds.derive(shipmentFailed.eventId(), "PaymentRefunded"));
        assertThat(refunded.metadata().causationId()).isEqualTo(shipmentFailed.eventId());
        assertThat(functions.payments.get(shipmentFailed.data().orderId()).state()).isEqualTo(PaymentState.REFUNDED);
    }

    @Test
    void a_redelivered_shipment_failure_after_the_refund_announces_the_same_refund_again() {
        functions.charge(Fixtures.sqs(Fixtures.stockReserved()));
        functions.refund(Fixtures.sqs(shipmentFailed));
        functions.processed.forget();

        functions.refund(Fixtures.sqs(shipmentFailed));

        assertThat(functions.gateway.refundRequests()).hasSize(1);
        assertThat(functions.bus.publishedTypes()).containsExactly("PaymentCharged", "PaymentRefunded", "PaymentRefunded");
        assertThat(functions.bus.published().get(2)).isEqualTo(functions.bus.published().get(1));
    }

    @Test
    void a_cancel_then_a_shipment_failure_refund_once_under_one_event_id() {
        functions.charge(Fixtures.sqs(Fixtures.stockReserved()));

        functions.refund(Fixtures.sqs(cancelled));
        SQSBatchResponse afterFailure = functions.refund(Fixtures.sqs(shipmentFailed));

        assertThat(afterFailure.getBatchItemFailures()).isEmpty();
        assertThat(functions.gateway.refundRequests()).hasSize(1);
        assertThat(functions.bus.publishedTypes()).containsExactly("PaymentCharged", "PaymentRefunded", "PaymentRefunded");
        var refund = functions.bus.published().get(1);
        var reannounced = functions.bus.published().get(2);
        assertThat(refund.eventId()).isEqualTo(EventIds.derive(cancelled.eventId(), "PaymentRefunded"));
        assertThat(reannounced.eventId()).isEqualTo(refund.eventId());
        assertThat(reannounced.data()).isEqualTo(refund.data());
    }

    @Test
    void both_triggers_in_one_batch_refund_once() {
        functions.charge(Fixtures.sqs(Fixtures.stockReserved()));

        SQSBatchResponse response = functions.refund(Fixtures.sqs(shipmentFailed, cancelled));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(functions.gateway.refundRequests()).hasSize(1);
        assertThat(functions.bus.published()).filteredOn(e -> e.data() instanceof PaymentRefunded)
                .extracting(EventEnvelope::eventId)
                .containsOnly(EventIds.derive(shipmentFailed.eventId(), "PaymentRefunded"));
    }
}
