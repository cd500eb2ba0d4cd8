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
import com.example.shop.payment.domain.Announced;
import com.example.shop.payment.domain.ChargeOutcome;
import com.example.shop.payment.domain.ChargePayment;
import com.example.shop.payment.domain.Reannounce;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Charges the customer once stock is reserved.
 *
 * <p><b>Trigger:</b> {@code StockReserved} from the bus, through the load-levelled
 * {@code ChargePaymentQueue} (small batches, capped concurrency: the provider's rate limit is the
 * scarce resource). <b>Effect:</b> the provider is asked to charge under the order id as
 * idempotency key and the outcome is recorded on the payment keyed by order id, then
 * {@code PaymentCharged} or {@code PaymentDeclined} is announced; if the order was cancelled
 * before the charge, nothing is charged and nothing announced; if it was cancelled while the
 * charge was in flight, the charge is refunded and {@code PaymentRefunded} announced instead.
 * <b>Failure:</b> a provider that cannot answer, a storage or a publishing failure fails only this
 * message (batch item failure); the queue redelivers it and after 5 receives moves it to
 * {@code ChargePaymentDlq}, where {@link PaymentDlqHandler} gives up and lets the saga compensate.
 * <b>Idempotency:</b> deliveries are deduplicated on the event id (consumer
 * {@value #CONSUMER}); beyond that the payment record makes a redelivery re-announce the recorded
 * outcome under its original event id without calling the provider again.
 * <b>Observability:</b> an X-Ray subsegment {@code ChargePayment} per order, and the business
 * metrics {@code PaymentsCharged} and {@code PaymentsDeclined}, each counted once per order: when
 * the outcome is recorded (before it is announced, so a failed announcement does not lose the
 * count), never when a redelivery re-announces it.
 */
public final class ChargePaymentHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The consumer name under which processed events are remembered. */
    static final String CONSUMER = "charge-payment";

    private static final Logger LOG = LoggerFactory.getLogger(ChargePaymentHandler.class);

    private final ChargePayment chargePayment;
    private final Announcer announcer;
    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires itself from the function's environment. */
    public ChargePaymentHandler() {
        this(PaymentWiring.from(FunctionEnvironment.current()));
    }

    private ChargePaymentHandler(PaymentWiring wiring) {
        this(wiring.chargePayment(), wiring.publisher(), wiring.codec(), wiring.processedEvents(),
                wiring.observability());
    }

    ChargePaymentHandler(ChargePayment chargePayment, EventPublisher publisher, EventCodec codec,
                         ProcessedEvents processedEvents) {
        this(chargePayment, publisher, codec, processedEvents,
                new Observability(Map.of("POWERTOOLS_SERVICE_NAME", "payment")));
    }

    ChargePaymentHandler(ChargePayment chargePayment, EventPublisher publisher, EventCodec codec,
                         ProcessedEvents processedEvents, Observability observability) {
        this.chargePayment = chargePayment;
        this.announcer = new Announcer(publisher);
        this.observability = observability;
        this.consumer = SqsEventConsumer.named(CONSUMER)
                .on(StockReserved.class, this::charge)
                .using(codec, processedEvents);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private void charge(EventEnvelope<StockReserved> reserved) {
        ChargeOutcome outcome = Observability.traced("ChargePayment", reserved.data().orderId(),
                reserved.metadata().eventType(),
                () -> chargePayment.charge(reserved.data(), Announcer.derivedFrom(reserved)));
        countIfNew(reserved, outcome);
        switch (outcome) {
            case Announced announced -> announcer.announce(reserved, announced);
            case ChargeOutcome.NothingCharged skipped ->
                    LOG.info("Order {} was cancelled before it could be charged; nothing charged", skipped.orderId());
        }
    }

    /**
     * Counts a charge or a decline that this delivery recorded. A re-announced outcome was counted
     * when it was recorded; a refund after a cancellation is no charge.
     */
    private void countIfNew(EventEnvelope<StockReserved> reserved, ChargeOutcome outcome) {
        switch (outcome) {
            case ChargeOutcome.Charged _ -> count("PaymentsCharged", reserved);
            case ChargeOutcome.Declined _ -> count("PaymentsDeclined", reserved);
            case ChargeOutcome.RefundedAfterCancel _, ChargeOutcome.NothingCharged _, Reannounce _ -> {
            }
        }
    }

    private void count(String metric, EventEnvelope<StockReserved> reserved) {
        observability.metrics().count(metric, reserved.data().orderId(), reserved.metadata().correlationId());
    }
}
