package com.example.shop.payment.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.StockReserved;
import com.example.shop.payment.domain.AbandonedCharge;
import com.example.shop.payment.domain.PaymentState;
import com.example.shop.payment.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentDlqHandlerTest {

    private final PaymentFunctions functions = new PaymentFunctions();
    private final EventEnvelope<StockReserved> flaky = Fixtures.stockReserved("pm-transient-error");

    @Test
    void a_charge_that_exhausted_its_retries_ends_in_payment_failed_and_an_ops_alert() {
        // Five receives on the charge queue, each failing; then SQS moves the message to the DLQ.
        for (int receive = 1; receive <= 5; receive++) {
            assertThat(functions.charge(Fixtures.sqs(Fixtures.message(flaky, receive))).getBatchItemFailures()).hasSize(1);
        }
        assertThat(functions.bus.published()).isEmpty();

        SQSBatchResponse response = functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 6)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(functions.bus.published()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(EventIds.derive(flaky.eventId(), "PaymentFailed"));
            assertThat(event.metadata().causationId()).isEqualTo(flaky.eventId());
            assertThat(event.data()).isEqualTo(new PaymentFailed(flaky.data().orderId(), flaky.data().customerId(),
                    "payment provider unavailable after 5 attempts"));
        });
        assertThat(functions.alerts.raised()).singleElement().satisfies(alert -> {
            assertThat(alert.orderId()).isEqualTo(flaky.data().orderId());
            assertThat(alert.eventId()).isEqualTo(flaky.eventId());
            assertThat(alert.receiveCount()).isEqualTo(6);
            assertThat(alert.correlationId()).isEqualTo(flaky.correlationId());
            assertThat(alert.outcome()).contains("PaymentFailed announced");
        });
        assertThat(functions.payments.get(flaky.data().orderId()).state()).isEqualTo(PaymentState.FAILED);
        assertThat(functions.gateway.chargeRequests()).hasSize(5);
    }

    @Test
    void a_redelivered_dlq_message_announces_the_same_payment_failed() {
        functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 6)));
        functions.processed.forget();

        functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 7)));

        assertThat(functions.bus.published()).hasSize(2);
        assertThat(functions.bus.published().get(1)).isEqualTo(functions.bus.published().get(0));
    }

    @Test
    void a_duplicate_of_a_handled_dlq_message_is_skipped() {
        functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 6)));
        functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 7)));

        assertThat(functions.bus.published()).hasSize(1);
        assertThat(functions.alerts.raised()).hasSize(1);
    }

    @Test
    void a_charge_that_went_through_but_could_not_be_announced_is_announced_as_charged_not_failed() {
        var reserved = Fixtures.stockReserved();
        functions.bus.failNext(5);
        for (int receive = 1; receive <= 5; receive++) {
            functions.charge(Fixtures.sqs(Fixtures.message(reserved, receive)));
        }

        functions.dlq(Fixtures.sqs(Fixtures.message(reserved, 6)));

        assertThat(functions.bus.publishedTypes()).containsExactly("PaymentCharged");
        assertThat(functions.bus.published().getFirst().eventId())
                .isEqualTo(EventIds.derive(reserved.eventId(), "PaymentCharged"));
        // Only the first receive reached the provider; the later ones found the charge recorded.
        assertThat(functions.gateway.chargeRequests()).hasSize(1);
        assertThat(functions.alerts.raised()).extracting(AbandonedCharge::outcome).singleElement()
                .asString().contains("settled after all");
    }

    @Test
    void an_unreachable_alert_topic_fails_the_message_so_the_alert_is_retried() {
        functions.alerts.failNext();

        SQSBatchResponse failed = functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 6)));
        SQSBatchResponse retried = functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 7)));

        assertThat(failed.getBatchItemFailures()).hasSize(1);
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(functions.alerts.raised()).singleElement()
                .satisfies(alert -> assertThat(alert.receiveCount()).isEqualTo(7));
        assertThat(functions.bus.published()).hasSize(2);
        assertThat(functions.bus.published().get(1).eventId()).isEqualTo(functions.bus.published().get(0).eventId());
    }

    @Test
    void an_order_cancelled_meanwhile_announces_nothing_but_still_alerts() {
        functions.refund(Fixtures.sqs(Fixtures.orderCancelled()));

        functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 6)));

        assertThat(functions.bus.published()).isEmpty();
        assertThat(functions.alerts.raised()).singleElement()
                .satisfies(alert -> assertThat(alert.outcome()).contains("cancelled meanwhile"));
    }
}
