package com.example.shop.shipping.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import com.example.shop.shipping.config.ShippingWiring;
import com.example.shop.shipping.domain.CancelOutcome;
import com.example.shop.shipping.domain.CancelShipment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a cancelled order has no live shipment.
 *
 * <p><b>Trigger:</b> {@code OrderCancelled} from the bus, through {@code CancelShipmentQueue}.
 * <b>Effect:</b> a booked shipment is withdrawn at the carrier and recorded as CANCELLED; the
 * outcome announces {@code ShipmentCancelled}, which the consumer publishes before it marks the
 * cancellation processed. With nothing booked yet a cancel marker is written where the shipment
 * would be, so the payment's booking, should it still arrive, books nothing; if the marker loses
 * to a booking made meanwhile, that booking is withdrawn. A refused parcel has nothing to withdraw.
 * <b>Failure:</b> a carrier, storage or publishing failure fails only this message; it is
 * redelivered and after 5 receives lands in {@code CancelShipmentDlq} (alarmed).
 * <b>Idempotency:</b> deduplicated on the event id (consumer {@value #CONSUMER}); the marker is
 * written only if the order has no record, the withdrawal only while the booking is still
 * SCHEDULED (the carrier's idempotency key: the order id), and an already withdrawn shipment
 * announces its recorded {@code ShipmentCancelled} again under the recorded event id and time.
 * <b>Observability:</b> an X-Ray subsegment {@code CancelShipment} per order, and the business
 * metric {@code ShipmentsCancelled}, counted once per order when the booking is withdrawn, never
 * when a redelivery announces the withdrawal again.
 */
public final class CancelShipmentHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The consumer name under which processed events are remembered. */
    static final String CONSUMER = "cancel-shipment";

    private static final Logger LOG = LoggerFactory.getLogger(CancelShipmentHandler.class);

    private final CancelShipment cancelShipment;
    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires itself from the function's environment. */
    public CancelShipmentHandler() {
        this(ShippingWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/cancel-shipment.json");
    }

    private CancelShipmentHandler(ShippingWiring wiring) {
        this(wiring.cancelShipment(), wiring.function().codec(), wiring.processedEvents(), wiring.function().eventBus(),
                wiring.function().observability());
    }

    CancelShipmentHandler(CancelShipment cancelShipment, EventCodec codec, ProcessedEvents processedEvents,
                          EventPublisher publisher, Observability observability) {
        this.cancelShipment = cancelShipment;
        this.observability = observability;
        this.consumer = SqsEventConsumer.named(CONSUMER)
                .on(OrderCancelled.class, this::cancel)
                .using(codec, processedEvents, publisher);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private CancelOutcome cancel(EventEnvelope<OrderCancelled> cancelled) {
        CancelOutcome outcome = Observability.traced("CancelShipment", cancelled.data().orderId(),
                cancelled.metadata().eventType(), () -> cancelShipment.cancel(cancelled));
        String orderId = cancelled.data().orderId();
        switch (outcome) {
            case CancelOutcome.Withdrawn withdrawn -> {
                observability.metrics().count("ShipmentsCancelled", orderId, cancelled.metadata().correlationId());
                LOG.info("Shipment {} of order {} withdrawn from {}; ShipmentCancelled announced",
                        withdrawn.shipment().withdrawn().shipmentId(), orderId, withdrawn.shipment().withdrawn().carrier());
            }
            case CancelOutcome.AlreadyWithdrawn already -> LOG.info(
                    "Shipment {} of order {} was withdrawn earlier; ShipmentCancelled announced again",
                    already.shipment().withdrawn().shipmentId(), orderId);
            case CancelOutcome.BookingPrevented _ -> LOG.info(
                    "Order {} cancelled before its parcel was booked; the cancel marker keeps it from being booked", orderId);
            case CancelOutcome.NothingToCancel nothing -> LOG.info(
                    "Order {} cancelled; its shipment is {}, nothing to withdraw", orderId, nothing.state());
        }
        return outcome;
    }
}
