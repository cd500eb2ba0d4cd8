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
import com.example.shop.payment.domain.AlreadyRecorded;
import com.example.shop.payment.domain.ChargeOutcome;
import com.example.shop.payment.domain.ChargePayment;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges the customer once stock is reserved.
 *
 * <p><b>Trigger:</b> {@code StockReserved} from the bus, through the load-levelled
 * {@code ChargePaymentQueue} (small batches, capped concurrency: the provider's rate limit is the
 * scarce resource). <b>Effect:</b> the provider is asked to charge under the order id as
 * idempotency key and the outcome is recorded on the payment keyed by order id; the use case's
 * outcome announces {@code PaymentCharged} or {@code PaymentDeclined}, which the consumer
 * publishes before it marks the reservation processed. If the order was cancelled before the
 * charge, nothing is charged and nothing announced; if it was cancelled while the charge was in
 * flight, the charge is refunded and {@code PaymentRefunded} announced instead.
 * <b>Failure:</b> a provider that cannot answer, a storage or a publishing failure fails only this
 * message (batch item failure); the queue redelivers it and after 5 receives moves it to
 * {@code ChargePaymentDlq}, where {@link PaymentDlqHandler} gives up and lets the saga compensate.
 * <b>Idempotency:</b> deliveries are deduplicated on the event id (consumer
 * {@value #CONSUMER}); beyond that the payment record makes a redelivery announce the recorded
 * outcome again under its recorded event id and time, without calling the provider again.
 * <b>Observability:</b> an X-Ray subsegment {@code ChargePayment} per order, and the business
 * metrics {@code PaymentsCharged} and {@code PaymentsDeclined}, each counted once per order: when
 * the outcome is recorded (before it is published, so a failed publish does not lose the count),
 * never when a redelivery announces it again.
 */
public final class ChargePaymentHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The consumer name under which processed events are remembered. */
    static final String CONSUMER = "charge-payment";

    private static final Logger LOG = LoggerFactory.getLogger(ChargePaymentHandler.class);

    private final ChargePayment chargePayment;
    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires itself from the function's environment. */
    public ChargePaymentHandler() {
        this(PaymentWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/charge-payment.json");
    }

    private ChargePaymentHandler(PaymentWiring wiring) {
        this(wiring.chargePayment(), wiring.function().codec(), wiring.processedEvents(), wiring.function().eventBus(),
                wiring.function().observability());
    }

    ChargePaymentHandler(ChargePayment chargePayment, EventCodec codec, ProcessedEvents processedEvents,
                         EventPublisher publisher, Observability observability) {
        this.chargePayment = chargePayment;
        this.observability = observability;
        this.consumer = SqsEventConsumer.named(CONSUMER)
                .on(StockReserved.class, this::charge)
                .using(codec, processedEvents, publisher);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private ChargeOutcome charge(EventEnvelope<StockReserved> reserved) {
        ChargeOutcome outcome = Observability.traced("ChargePayment", reserved.data().orderId(),
                reserved.metadata().eventType(), () -> chargePayment.charge(reserved));
        // Counted by the delivery that recorded the decision; a repeat announces it again uncounted,
        // and a refund after a cancellation is no charge.
        switch (outcome) {
            case ChargeOutcome.Charged _ -> count("PaymentsCharged", reserved);
            case ChargeOutcome.Declined _ -> count("PaymentsDeclined", reserved);
            case ChargeOutcome.NothingCharged skipped ->
                    LOG.info("Order {} was cancelled before it could be charged; nothing charged", skipped.orderId());
            case ChargeOutcome.RefundedAfterCancel _, AlreadyRecorded _ -> {
            }
        }
        PaymentLog.announcing(outcome);
        return outcome;
    }

    private void count(String metric, EventEnvelope<StockReserved> reserved) {
        observability.metrics().count(metric, reserved.data().orderId(), reserved.metadata().correlationId());
    }
}
