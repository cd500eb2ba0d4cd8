package com.example.shop.shipping.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import com.example.shop.shipping.config.ShippingWiring;
import com.example.shop.shipping.domain.ScheduleOutcome;
import com.example.shop.shipping.domain.ScheduleShipment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books a parcel for every paid order, unless the order was cancelled first.
 *
 * <p><b>Trigger:</b> {@code PaymentCharged} from the bus, through {@code ScheduleShipmentQueue}.
 * <b>Effect:</b> the carriers are asked to take the parcel (the destination's carrier assigns a
 * tracking number and an estimated delivery date), the shipment is stored under the order id, and
 * the outcome announces {@code ShipmentScheduled}, which the consumer publishes before it marks
 * the payment processed. A parcel the carriers refuse (a destination none serves, a declared value
 * over their limit) is recorded as failed and announces {@code ShipmentFailed}, so the saga
 * refunds and releases. An order whose cancel marker is there books nothing and announces nothing.
 * <b>Failure:</b> a carrier, storage or publishing failure fails only this message; it is
 * redelivered and after 5 receives lands in {@code ScheduleShipmentDlq} (alarmed).
 * <b>Idempotency:</b> deduplicated on the event id (consumer {@value #CONSUMER}); the booking
 * (idempotency key at the carrier: the order id) or the refusal is written only if the order has
 * no record, together with the identity of its announcement (id derived from the payment event's),
 * and a redelivery announces the stored one again, with the same values and the same recorded
 * event id and time. A booking whose write loses to a cancel marker is withdrawn at once.
 * <b>Observability:</b> an X-Ray subsegment {@code ScheduleShipment} per order, and the business
 * metrics {@code ShipmentsScheduled} and {@code ShipmentsFailed}, counted once per order when the
 * booking or the refusal is decided (before it is published, so a failed publish does not lose the
 * count), never when a redelivery announces the stored outcome again.
 */
public final class ScheduleShipmentHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The consumer name under which processed events are remembered. */
    static final String CONSUMER = "schedule-shipment";

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleShipmentHandler.class);

    private final ScheduleShipment scheduleShipment;
    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires itself from the function's environment. */
    public ScheduleShipmentHandler() {
        this(ShippingWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/schedule-shipment.json");
    }

    private ScheduleShipmentHandler(ShippingWiring wiring) {
        this(wiring.scheduleShipment(), wiring.function().codec(), wiring.processedEvents(), wiring.function().eventBus(),
                wiring.function().observability());
    }

    ScheduleShipmentHandler(ScheduleShipment scheduleShipment, EventCodec codec, ProcessedEvents processedEvents,
                            EventPublisher publisher, Observability observability) {
        this.scheduleShipment = scheduleShipment;
        this.observability = observability;
        this.consumer = SqsEventConsumer.named(CONSUMER)
                .on(PaymentCharged.class, this::schedule)
                .using(codec, processedEvents, publisher);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private ScheduleOutcome schedule(EventEnvelope<PaymentCharged> charged) {
        ScheduleOutcome outcome = Observability.traced("ScheduleShipment", charged.data().orderId(),
                charged.metadata().eventType(), () -> scheduleShipment.schedule(charged));
        String orderId = charged.data().orderId();
        switch (outcome) {
            case ScheduleOutcome.Booked booked -> {
                if (booked instanceof ScheduleOutcome.Scheduled) {
                    observability.metrics().count("ShipmentsScheduled", orderId, charged.metadata().correlationId());
                }
                LOG.info("Shipment {} of order {} with {} announced ({})", booked.shipment().shipmentId(), orderId,
                        booked.shipment().carrier(), outcome.getClass().getSimpleName());
            }
            case ScheduleOutcome.Refused refused -> {
                if (refused instanceof ScheduleOutcome.Failed) {
                    observability.metrics().count("ShipmentsFailed", orderId, charged.metadata().correlationId());
                }
                LOG.info("Shipment of order {} failed: {}; announced ({})", orderId, refused.failure().reason(),
                        outcome.getClass().getSimpleName());
            }
            case ScheduleOutcome.CancelledFirst cancelled -> LOG.info(
                    "Order {} was cancelled before its payment reached shipping ({}); nothing booked or announced",
                    orderId, cancelled.state());
        }
        return outcome;
    }
}
