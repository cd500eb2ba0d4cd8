package com.example.shop.payment.handler;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.StockReserved;
import com.example.shop.payment.testing.Fixtures;
import com.example.shop.platform.testing.StandardOutput;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment functions' business metrics: each payment outcome is counted once, by the delivery
 * that records it, however often the reservation is delivered, republished or re-announced.
 */
class PaymentMetricsTest {

    private static final String REPUBLISHED_ID = "5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716";

    private final PaymentFunctions functions = new PaymentFunctions();
    private final EventEnvelope<StockReserved> reserved = Fixtures.stockReserved();
    private final EventEnvelope<StockReserved> declinable = Fixtures.stockReserved("pm-decline-insufficient-funds");
    private final EventEnvelope<StockReserved> flaky = Fixtures.stockReserved("pm-transient-error");

    @Test
    void an_approved_charge_is_counted_once_as_payments_charged_with_its_order_and_correlation() {
        StandardOutput output = StandardOutput.of(() -> functions.charge(Fixtures.sqs(reserved)));

        assertThat(output.metric("PaymentsCharged")).singleElement().satisfies(line -> {
            assertThat(line.path("PaymentsCharged").asDouble()).isEqualTo(1.0);
            assertThat(line.path("orderId").asText()).isEqualTo(reserved.data().orderId());
            assertThat(line.path("correlationId").asText()).isEqualTo(reserved.metadata().correlationId());
            assertThat(line.path("service").asText()).isEqualTo("payment");
        });
        assertThat(output.metric("PaymentsDeclined")).isEmpty();
    }

    @Test
    void the_same_reservation_delivered_again_is_not_counted_again() {
        functions.charge(Fixtures.sqs(reserved));

        StandardOutput redelivery = StandardOutput.of(() -> functions.charge(Fixtures.sqs(reserved)));

        assertThat(redelivery.metric("PaymentsCharged")).isEmpty();
        assertThat(functions.bus.published()).hasSize(1);
    }

    @Test
    void the_same_order_republished_under_another_event_id_re_announces_the_charge_but_is_not_counted_again() {
        functions.charge(Fixtures.sqs(reserved));

        StandardOutput republish = StandardOutput.of(() ->
                functions.charge(Fixtures.sqs(Fixtures.republished(reserved, REPUBLISHED_ID))));

        assertThat(republish.metric("PaymentsCharged")).isEmpty();
        assertThat(functions.bus.published()).hasSize(2);
        assertThat(functions.gateway.chargeRequests()).hasSize(1);
    }

    @Test
    void a_charge_whose_announcement_failed_is_counted_by_the_delivery_that_recorded_it_and_not_by_the_retry() {
        functions.bus.failNext(1);

        StandardOutput failed = StandardOutput.of(() -> functions.charge(Fixtures.sqs(reserved)));
        functions.processed.forget();
        StandardOutput retried = StandardOutput.of(() -> functions.charge(Fixtures.sqs(reserved)));

        assertThat(failed.metric("PaymentsCharged")).hasSize(1);
        assertThat(retried.metric("PaymentsCharged")).isEmpty();
        assertThat(functions.bus.published()).hasSize(1);
    }

    @Test
    void a_decline_is_counted_once_as_payments_declined_and_not_again_when_republished() {
        StandardOutput first = StandardOutput.of(() -> functions.charge(Fixtures.sqs(declinable)));
        StandardOutput redelivery = StandardOutput.of(() -> functions.charge(Fixtures.sqs(declinable)));
        StandardOutput republish = StandardOutput.of(() ->
                functions.charge(Fixtures.sqs(Fixtures.republished(declinable, REPUBLISHED_ID))));

        assertThat(first.metric("PaymentsDeclined")).singleElement()
                .satisfies(line -> assertThat(line.path("orderId").asText()).isEqualTo(declinable.data().orderId()));
        assertThat(first.metric("PaymentsCharged")).isEmpty();
        assertThat(redelivery.metric("PaymentsDeclined")).isEmpty();
        assertThat(republish.metric("PaymentsDeclined")).isEmpty();
    }

    @Test
    void giving_up_on_a_charge_is_counted_once_as_payments_failed() {
        StandardOutput first = StandardOutput.of(() -> functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 6))));
        StandardOutput redelivery = StandardOutput.of(() -> functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 7))));
        functions.processed.forget();
        StandardOutput afterCrash = StandardOutput.of(() -> functions.dlq(Fixtures.sqs(Fixtures.message(flaky, 8))));
        StandardOutput republish = StandardOutput.of(() ->
                functions.dlq(Fixtures.sqs(Fixtures.message(Fixtures.republished(flaky, REPUBLISHED_ID), 6))));

        assertThat(first.metric("PaymentsFailed")).singleElement().satisfies(line -> {
            assertThat(line.path("orderId").asText()).isEqualTo(flaky.data().orderId());
            assertThat(line.path("correlationId").asText()).isEqualTo(flaky.metadata().correlationId());
        });
        assertThat(redelivery.metric("PaymentsFailed")).isEmpty();
        assertThat(afterCrash.metric("PaymentsFailed")).isEmpty();
        assertThat(republish.metric("PaymentsFailed")).isEmpty();
        assertThat(functions.alerts.raised()).hasSize(3);
    }

    @Test
    void giving_up_on_a_charge_that_went_through_after_all_counts_no_failure() {
        functions.charge(Fixtures.sqs(reserved));

        StandardOutput output = StandardOutput.of(() -> functions.dlq(Fixtures.sqs(Fixtures.message(reserved, 6))));

        assertThat(output.metric("PaymentsFailed")).isEmpty();
        assertThat(output.metric("PaymentsCharged")).isEmpty();
    }

    @Test
    void the_announcement_log_line_names_the_saga_the_event_and_the_order() {
        StandardOutput output = StandardOutput.of(() -> functions.charge(Fixtures.sqs(reserved)));

        JsonNode announced = output.logLines().stream()
                .filter(line -> line.path("message").asText().startsWith("Announced PaymentCharged"))
                .findFirst().orElseThrow();
        assertThat(announced.path("correlationId").asText()).isEqualTo(reserved.metadata().correlationId());
        assertThat(announced.path("eventId").asText()).isEqualTo(reserved.eventId());
        assertThat(announced.path("orderId").asText()).isEqualTo(reserved.data().orderId());
        assertThat(announced.path("service").asText()).isEqualTo("payment");
        assertThat(announced.path("function_name").asText()).isEqualTo("payment-test");
        assertThat(announced.path("function_request_id").asText()).isNotBlank();
    }
}
