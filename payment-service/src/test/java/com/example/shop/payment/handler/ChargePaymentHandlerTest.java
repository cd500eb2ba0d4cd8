package com.example.shop.payment.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.StockReserved;
import com.example.shop.payment.domain.PaymentState;
import com.example.shop.payment.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChargePaymentHandlerTest {

    private final PaymentFunctions functions = new PaymentFunctions();
    private final EventEnvelope<StockReserved> reserved = Fixtures.stockReserved();

    @Test
    void an_approved_charge_announces_payment_charged_in_reply_to_the_reservation() {
        SQSBatchResponse response = functions.charge(Fixtures.sqs(reserved));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(functions.bus.published()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(EventIds.derive(reserved.eventId(), "PaymentCharged"));
            assertThat(event.metadata().source()).isEqualTo("shop.payments");
            assertThat(event.metadata().correlationId()).isEqualTo(reserved.correlationId());
            assertThat(event.metadata().causationId()).isEqualTo(reserved.eventId());
            assertThat(event.data()).isInstanceOfSatisfying(PaymentCharged.class, charged -> {
                assertThat(charged.orderId()).isEqualTo(reserved.data().orderId());
                assertThat(charged.amount()).isEqualTo(reserved.data().total());
                assertThat(charged.paymentId()).startsWith("ch_");
                assertThat(charged.shippingAddress()).isEqualTo(reserved.data().shippingAddress());
            });
        });
    }

    @Test
    void a_declined_charge_announces_payment_declined_with_amount_and_reason() {
        functions.charge(Fixtures.sqs(Fixtures.stockReserved("pm-decline-insufficient-funds")));

        assertThat(functions.bus.published()).singleElement().satisfies(event -> assertThat(event.data())
                .isEqualTo(new PaymentDeclined(reserved.data().orderId(), reserved.data().customerId(),
                        reserved.data().total(), "insufficient-funds")));
    }

    @Test
    void an_unavailable_provider_fails_only_that_message_and_announces_nothing() {
        var flaky = Fixtures.stockReserved("pm-transient-error");
        var other = Fixtures.orderOf("order-2", Fixtures.stockReserved("pm-ok"));

        SQSBatchResponse response = functions.charge(Fixtures.sqs(flaky, other));

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(failure -> assertThat(failure.getItemIdentifier())
                        .isEqualTo(Fixtures.message(flaky, 1).getMessageId()));
        assertThat(functions.bus.publishedTypes()).containsExactly("PaymentCharged");
        assertThat(functions.payments.get(flaky.data().orderId()).state()).isEqualTo(PaymentState.CHARGING);
    }

    @Test
    void a_redelivery_after_the_charge_announces_the_same_event_without_charging_again() {
        functions.charge(Fixtures.sqs(reserved));
        // The function died after publishing but before marking the event processed.
        functions.processed.forget();

        SQSBatchResponse response = functions.charge(Fixtures.sqs(reserved));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(functions.gateway.chargeRequests()).hasSize(1);
        assertThat(functions.bus.published()).hasSize(2);
        assertThat(functions.bus.published().get(1)).isEqualTo(functions.bus.published().get(0));
    }

    @Test
    void a_duplicate_delivery_of_a_processed_event_is_skipped() {
        functions.charge(Fixtures.sqs(reserved));
        functions.charge(Fixtures.sqs(reserved));

        assertThat(functions.gateway.chargeRequests()).hasSize(1);
        assertThat(functions.bus.published()).hasSize(1);
    }

    @Test
    void a_bus_failure_is_retried_and_the_retry_announces_the_recorded_charge() {
        functions.bus.failNext(1);

        SQSBatchResponse failed = functions.charge(Fixtures.sqs(reserved));
        SQSBatchResponse retried = functions.charge(Fixtures.sqs(reserved));

        assertThat(failed.getBatchItemFailures()).hasSize(1);
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(functions.gateway.chargeRequests()).hasSize(1);
        assertThat(functions.bus.published()).singleElement().satisfies(event ->
                assertThat(event.eventId()).isEqualTo(EventIds.derive(reserved.eventId(), "PaymentCharged")));
    }

    @Test
    void a_reservation_for_an_order_cancelled_earlier_is_not_charged() {
        functions.refund(Fixtures.sqs(Fixtures.orderCancelled()));

        SQSBatchResponse response = functions.charge(Fixtures.sqs(reserved));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(functions.gateway.chargeRequests()).isEmpty();
        assertThat(functions.bus.published()).isEmpty();
    }

    @Test
    void a_cancellation_while_the_charge_is_in_flight_ends_in_a_refund_not_a_charge() {
        var cancelled = Fixtures.orderCancelled();
        functions.gateway.duringNextCharge(() -> functions.refund(Fixtures.sqs(cancelled)));

        SQSBatchResponse response = functions.charge(Fixtures.sqs(reserved));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(functions.bus.published()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(EventIds.derive(reserved.eventId(), "PaymentRefunded"));
            assertThat(event.data()).isInstanceOfSatisfying(PaymentRefunded.class,
                    refunded -> assertThat(refunded.amount()).isEqualTo(reserved.data().total()));
        });
        assertThat(functions.gateway.refundRequests()).hasSize(1);
        assertThat(functions.payments.get(reserved.data().orderId()).state()).isEqualTo(PaymentState.REFUNDED);

        // The cancellation delivered again later re-announces that same refund.
        functions.processed.forget();
        functions.refund(Fixtures.sqs(cancelled));
        assertThat(functions.bus.published()).hasSize(2);
        assertThat(functions.bus.published().get(1).eventId()).isEqualTo(functions.bus.published().get(0).eventId());
        assertThat(functions.gateway.refundRequests()).hasSize(1);
    }
}
