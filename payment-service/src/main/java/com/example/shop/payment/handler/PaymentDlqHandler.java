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
import com.example.shop.payment.domain.Announced;
import com.example.shop.payment.domain.GiveUpCharge;
import com.example.shop.payment.domain.GiveUpOutcome;
import com.example.shop.payment.domain.OpsAlerts;
import com.example.shop.payment.domain.Reannounce;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives up on a charge whose every attempt met an unavailable provider, so the saga compensates
 * instead of waiting forever, and pages the operators.
 *
 * <p><b>Trigger:</b> a {@code StockReserved} message that {@code ChargePaymentQueue} moved to
 * {@code ChargePaymentDlq} after its last receive. <b>Effect:</b> the payment is recorded as
 * FAILED and {@code PaymentFailed} ("payment provider unavailable after N attempts") is
 * announced, so inventory releases the stock and the order ends as payment failed; then an alert
 * with the order id, the event id and the receive count goes to the ops-alerts topic. Should the
 * payment have reached an outcome after all (the charge went through but announcing it kept
 * failing) that outcome is re-announced instead; a payment cancelled meanwhile announces nothing.
 * The alert is raised in every case. <b>Failure:</b> a storage, publishing or alerting failure
 * fails the message; it is redelivered from the DLQ and after 5 receives moves to
 * {@code PaymentDlqHandlerDlq}, the end of the line, alarmed. <b>Idempotency:</b> deduplicated
 * on the event id (consumer {@value #CONSUMER}); {@code PaymentFailed}'s id is derived from the
 * reservation's and recorded, so a redelivery announces the same event. The alert is sent at
 * least once: a crash after it and before the delivery is acknowledged repeats it, which is
 * preferable to an operator never hearing of it. <b>Observability:</b> an X-Ray subsegment
 * {@code GiveUpCharge} per order, and the business metric {@code PaymentsFailed}, counted once per
 * order when the failure is recorded (not when a redelivery re-announces it, nor when the payment
 * turns out to be settled or cancelled).
 */
public final class PaymentDlqHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The consumer name under which processed events are remembered. */
    static final String CONSUMER = "payment-dlq";

    private final GiveUpCharge giveUpCharge;
    private final Announcer announcer;
    private final OpsAlerts alerts;
    private final int chargeAttempts;
    private final EventCodec codec;
    private final ProcessedEvents processedEvents;
    private final Observability observability;

    /** Used by Lambda: wires itself from the function's environment. */
    public PaymentDlqHandler() {
        this(PaymentWiring.from(FunctionEnvironment.current()));
    }

    private PaymentDlqHandler(PaymentWiring wiring) {
        this(wiring.giveUpCharge(), wiring.publisher(), wiring.opsAlerts(), wiring.chargeMaxReceiveCount(),
                wiring.codec(), wiring.processedEvents(), wiring.observability());
    }

    PaymentDlqHandler(GiveUpCharge giveUpCharge, EventPublisher publisher, OpsAlerts alerts, int chargeAttempts,
                      EventCodec codec, ProcessedEvents processedEvents) {
        this(giveUpCharge, publisher, alerts, chargeAttempts, codec, processedEvents,
                new Observability(Map.of("POWERTOOLS_SERVICE_NAME", "payment")));
    }

    PaymentDlqHandler(GiveUpCharge giveUpCharge, EventPublisher publisher, OpsAlerts alerts, int chargeAttempts,
                      EventCodec codec, ProcessedEvents processedEvents, Observability observability) {
        this.giveUpCharge = giveUpCharge;
        this.announcer = new Announcer(publisher);
        this.alerts = alerts;
        this.chargeAttempts = chargeAttempts;
        this.codec = codec;
        this.processedEvents = processedEvents;
        this.observability = observability;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> giveUpAll(event));
    }

    /**
     * The receive count belongs to the delivery, not to the event, so each message gets its own
     * routing table that knows it; the consumer still decodes, deduplicates and isolates failures.
     */
    private SQSBatchResponse giveUpAll(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            int receiveCount = receiveCount(message);
            failures.addAll(SqsEventConsumer.named(CONSUMER)
                    .on(StockReserved.class, reserved -> giveUp(reserved, receiveCount))
                    .using(codec, processedEvents)
                    .handle(single(message))
                    .getBatchItemFailures());
        }
        return new SQSBatchResponse(failures);
    }

    private void giveUp(EventEnvelope<StockReserved> reserved, int receiveCount) {
        GiveUpOutcome outcome = Observability.traced("GiveUpCharge", reserved.data().orderId(),
                reserved.metadata().eventType(),
                () -> giveUpCharge.giveUp(reserved.data(), chargeAttempts, Announcer.derivedFrom(reserved)));
        if (outcome instanceof GiveUpOutcome.Abandoned) {
            // Only the delivery that recorded the failure counts it; a redelivery re-announces it.
            observability.metrics().count("PaymentsFailed", reserved.data().orderId(),
                    reserved.metadata().correlationId());
        }
        if (outcome instanceof Announced announced) {
            announcer.announce(reserved, announced);
        }
        alerts.chargeAbandoned(new AbandonedCharge(reserved.data().orderId(), reserved.data().customerId(),
                reserved.eventId(), reserved.correlationId(), receiveCount, describe(outcome)));
    }

    private static String describe(GiveUpOutcome outcome) {
        return switch (outcome) {
            case GiveUpOutcome.Abandoned abandoned -> "PaymentFailed announced: " + abandoned.fact().reason()
                    + (abandoned.chargeInFlight()
                    ? "; a charge had been sent to the provider, reconcile it under the idempotency key"
                    : "");
            case Reannounce reannounce -> "the payment had been settled after all; "
                    + reannounce.fact().getClass().getSimpleName() + " announced again";
            case GiveUpOutcome.CancelledMeanwhile cancelled -> "the order was cancelled meanwhile; nothing announced"
                    + (cancelled.chargeInFlight()
                    ? "; a charge had been sent to the provider, reconcile it under the idempotency key"
                    : "");
        };
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 0 : Math.max(0, Integer.parseInt(count));
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }

    private static SQSEvent single(SQSEvent.SQSMessage message) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
