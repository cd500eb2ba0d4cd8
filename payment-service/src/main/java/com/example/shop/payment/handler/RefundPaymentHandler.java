package com.example.shop.payment.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.payment.config.PaymentWiring;
import com.example.shop.payment.domain.AlreadyRecorded;
import com.example.shop.payment.domain.RefundOutcome;
import com.example.shop.payment.domain.RefundPayment;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the customer their money back when the order will not ship — they cancelled it, or no
 * carrier would take the parcel — or makes sure they are never charged.
 *
 * <p><b>Trigger:</b> {@code OrderCancelled} and {@code ShipmentFailed} from the bus, through
 * {@code RefundPaymentQueue}.
 * <b>Effect:</b> a recorded charge is refunded at the provider (idempotency key: the order id) and
 * recorded as REFUNDED; the outcome announces {@code PaymentRefunded}, which the consumer
 * publishes before it marks the trigger processed. With no charge recorded yet (possible for a
 * cancel; a shipment failure always follows a charge) the payment is marked CANCELLED so that the
 * reservation's charge is skipped, or, if that charge is already in flight, refunded by the
 * charging side as soon as it comes back.
 * <b>Failure:</b> a provider, storage or publishing failure fails only this message; it is
 * redelivered and after 5 receives lands in {@code RefundPaymentDlq} (alarmed) for an operator.
 * <b>Idempotency:</b> deduplicated on the event id (consumer {@value #CONSUMER}); an already
 * refunded payment announces its recorded refund again under the recorded event id and time, so
 * a cancel followed by a shipment failure of the same order refunds once.
 */
public final class RefundPaymentHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The consumer name under which processed events are remembered. */
    static final String CONSUMER = "refund-payment";

    private static final Logger LOG = LoggerFactory.getLogger(RefundPaymentHandler.class);

    private final RefundPayment refundPayment;
    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires itself from the function's environment. */
    public RefundPaymentHandler() {
        this(PaymentWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/refund-payment.json");
    }

    private RefundPaymentHandler(PaymentWiring wiring) {
        this(wiring.refundPayment(), wiring.function().codec(), wiring.processedEvents(), wiring.function().eventBus(),
                wiring.function().observability());
    }

    RefundPaymentHandler(RefundPayment refundPayment, EventCodec codec, ProcessedEvents processedEvents,
                         EventPublisher publisher, Observability observability) {
        this.refundPayment = refundPayment;
        this.observability = observability;
        this.consumer = SqsEventConsumer.named(CONSUMER)
                .on(OrderCancelled.class, this::refundCancelled)
                .on(ShipmentFailed.class, this::refundFailedShipment)
                .using(codec, processedEvents, publisher);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private RefundOutcome refundCancelled(EventEnvelope<OrderCancelled> cancelled) {
        String trigger = cancelled.metadata().eventType();
        return logged(trigger, Observability.traced("RefundPayment", cancelled.data().orderId(), trigger,
                () -> refundPayment.onCancelled(cancelled)));
    }

    private RefundOutcome refundFailedShipment(EventEnvelope<ShipmentFailed> failed) {
        String trigger = failed.metadata().eventType();
        return logged(trigger, Observability.traced("RefundPayment", failed.data().orderId(), trigger,
                () -> refundPayment.onShipmentFailed(failed)));
    }

    private static RefundOutcome logged(String trigger, RefundOutcome outcome) {
        switch (outcome) {
            case RefundOutcome.ChargePrevented prevented -> LOG.info(
                    "Order {} ended ({}) before its charge was recorded (charge in flight: {}); it will not be kept",
                    prevented.orderId(), trigger, prevented.chargeInFlight());
            case RefundOutcome.NothingToRefund nothing -> LOG.info(
                    "Order {} ended ({}); its payment is {}, nothing to refund", nothing.orderId(), trigger,
                    nothing.state());
            case RefundOutcome.Refunded _, AlreadyRecorded _ -> PaymentLog.announcing(outcome);
        }
        return outcome;
    }
}
