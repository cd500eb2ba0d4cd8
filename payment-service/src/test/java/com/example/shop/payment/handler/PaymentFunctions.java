package com.example.shop.payment.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.payment.domain.ChargePayment;
import com.example.shop.payment.domain.GiveUpCharge;
import com.example.shop.payment.domain.RefundPayment;
import com.example.shop.payment.testing.RecordingPaymentGateway;
import com.example.shop.payment.testing.Fixtures;
import com.example.shop.payment.testing.InMemoryPaymentRepository;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.payment.testing.RecordingOpsAlerts;
import com.example.shop.platform.testing.InMemoryEventPublisher;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.platform.testing.TestObservability;

/**
 * The three payment functions wired as in production, except that the ports are in-memory fakes
 * they share (one table, one provider, one bus), so a test can play their interleavings.
 */
final class PaymentFunctions {

    final MutableClock clock = new MutableClock(Fixtures.NOW);
    final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    final RecordingPaymentGateway gateway = new RecordingPaymentGateway(Fixtures.simulator(clock));
    final InMemoryEventPublisher bus = new InMemoryEventPublisher();
    final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    final RecordingOpsAlerts alerts = new RecordingOpsAlerts();

    final ChargePaymentHandler charge = new ChargePaymentHandler(new ChargePayment(payments, gateway, clock),
            Fixtures.CODEC, processed, bus, TestObservability.of("payment"));
    final RefundPaymentHandler refund = new RefundPaymentHandler(new RefundPayment(payments, gateway, clock),
            Fixtures.CODEC, processed, bus, TestObservability.of("payment"));
    final PaymentDlqHandler dlq = new PaymentDlqHandler(new GiveUpCharge(payments, clock), alerts, 5,
            Fixtures.CODEC, processed, bus, TestObservability.of("payment"));

    SQSBatchResponse charge(SQSEvent event) {
        return charge.handleRequest(event, Fixtures.context());
    }

    SQSBatchResponse refund(SQSEvent event) {
        return refund.handleRequest(event, Fixtures.context());
    }

    SQSBatchResponse dlq(SQSEvent event) {
        return dlq.handleRequest(event, Fixtures.context());
    }
}
