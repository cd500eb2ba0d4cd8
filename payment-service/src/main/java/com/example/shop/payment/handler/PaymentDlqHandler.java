package com.example.shop.payment.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.StockReserved;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.payment.config.PaymentWiring;
import com.example.shop.payment.domain.AbandonedCharge;
import com.example.shop.payment.domain.AlreadyRecorded;
import com.example.shop.payment.domain.GiveUpCharge;
import com.example.shop.payment.domain.GiveUpOutcome;
import com.example.shop.payment.domain.OpsAlerts;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives up on a charge whose every attempt met an unavailable provider, so the saga compensates
 * instead of waiting forever, and pages the operators.
 *
 * <p><b>Trigger:</b> a {@code StockReserved} message that {@code ChargePaymentQueue} moved to
 * {@code ChargePaymentDlq} after its last receive. <b>Effect:</b> the payment is recorded as
 * FAILED and the outcome announces {@code PaymentFailed} ("payment provider unavailable after N
 * attempts"), so inventory releases the stock and the order ends as payment failed; the consumer
 * publishes it, then an alert with the order id, the event id and the receive count goes to the
 * ops-alerts topic, and only then is the message marked processed. Should the payment have
 * reached an outcome after all (the charge went through but announcing it kept failing) that
 * outcome is announced again under its recorded identity instead; a payment cancelled meanwhile
 * announces nothing. The alert is raised in every case, after the publish. <b>Failure:</b> a
 * storage, publishing or alerting failure fails the message; it is redelivered from the DLQ and
 * after 5 receives moves to {@code PaymentDlqHandlerDlq}, the end of the line, alarmed.
 * <b>Idempotency:</b> deduplicated on the event id (consumer {@value #CONSUMER});
 * {@code PaymentFailed}'s id is derived from the reservation's and recorded, so a redelivery
 * announces the same event. The alert is sent at least once: a crash after it and before the
 * delivery is acknowledged repeats it, which is preferable to an operator never hearing of it.
 * <b>Observability:</b> an X-Ray subsegment {@code GiveUpCharge} per order, and the business
 * metric {@code PaymentsFailed}, counted once per order when the failure is recorded (not when a
 * redelivery announces it again, nor when the payment turns out to be settled or cancelled).
 */
public final class PaymentDlqHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The consumer name under which processed events are remembered. */
    static final String CONSUMER = "payment-dlq";

    private static final String RECONCILE = "; a charge had been sent to the provider, reconcile it under the idempotency key";

    private final GiveUpCharge giveUpCharge;
    private final OpsAlerts alerts;
    private final int chargeAttempts;
    private final EventCodec codec;
    private final ProcessedEvents processedEvents;
    private final EventPublisher publisher;
    private final Observability observability;

    /** Used by Lambda: wires itself from the function's environment. */
    public PaymentDlqHandler() {
        this(PaymentWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/payment-dlq.json");
    }

    private PaymentDlqHandler(PaymentWiring wiring) {
        this(wiring.giveUpCharge(), wiring.opsAlerts(), wiring.chargeMaxReceiveCount(), wiring.function().codec(),
                wiring.processedEvents(), wiring.function().eventBus(), wiring.function().observability());
    }

    PaymentDlqHandler(GiveUpCharge giveUpCharge, OpsAlerts alerts, int chargeAttempts, EventCodec codec,
                      ProcessedEvents processedEvents, EventPublisher publisher, Observability observability) {
        this.giveUpCharge = giveUpCharge;
        this.alerts = alerts;
        this.chargeAttempts = chargeAttempts;
        this.codec = codec;
        this.processedEvents = processedEvents;
        this.publisher = publisher;
        this.observability = observability;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> giveUpAll(event));
    }

    /**
     * The receive count belongs to the delivery, not to the event, so each message gets its own
     * routing table that knows it; the consumer still decodes, deduplicates, publishes and
     * isolates failures. The operators are paged once the outcome's announcements are published
     * and before the message counts as handled, whatever the outcome: a failed alert fails the
     * message, and its redelivery gives up again (announcing the same events) and alerts again.
     */
    private SQSBatchResponse giveUpAll(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            int receiveCount = SqsEventConsumer.receiveCount(message);
            SQSEvent single = new SQSEvent();
            single.setRecords(List.of(message));
            failures.addAll(SqsEventConsumer.named(CONSUMER)
                    .on(StockReserved.class, this::giveUp, (reserved, outcome) -> alerts.chargeAbandoned(
                            new AbandonedCharge(reserved.data().orderId(), reserved.data().customerId(),
                                    reserved.eventId(), reserved.correlationId(), receiveCount, describe(outcome))))
                    .using(codec, processedEvents, publisher)
                    .handle(single)
                    .getBatchItemFailures());
        }
        return new SQSBatchResponse(failures);
    }

    private GiveUpOutcome giveUp(EventEnvelope<StockReserved> reserved) {
        GiveUpOutcome outcome = Observability.traced("GiveUpCharge", reserved.data().orderId(),
                reserved.metadata().eventType(), () -> giveUpCharge.giveUp(reserved, chargeAttempts));
        if (outcome instanceof GiveUpOutcome.Abandoned) {
            // Only the delivery that recorded the failure counts it; a redelivery announces it again.
            observability.metrics().count("PaymentsFailed", reserved.data().orderId(),
                    reserved.metadata().correlationId());
        }
        PaymentLog.announcing(outcome);
        return outcome;
    }

    private static String describe(GiveUpOutcome outcome) {
        return switch (outcome) {
            case GiveUpOutcome.Abandoned abandoned -> "PaymentFailed announced: " + abandoned.event().data().reason()
                    + (abandoned.chargeInFlight() ? RECONCILE : "");
            case AlreadyRecorded recorded -> "the payment had been settled after all; "
                    + recorded.event().data().getClass().getSimpleName() + " announced again";
            case GiveUpOutcome.CancelledMeanwhile cancelled -> "the order was cancelled meanwhile; nothing announced"
                    + (cancelled.chargeInFlight() ? RECONCILE : "");
        };
    }
}
