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
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import com.example.shop.shipping.config.ShippingWiring;
import com.example.shop.shipping.domain.ScheduleOutcome;
import com.example.shop.shipping.domain.ScheduleShipment;
import com.example.shop.shipping.domain.Shipment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books a parcel for every paid order.
 *
 * <p><b>Trigger:</b> {@code PaymentCharged} from the bus, through {@code ScheduleShipmentQueue}.
 * <b>Effect:</b> a carrier is chosen by destination country, a tracking number and an estimated
 * delivery date are assigned, the shipment is stored under the order id, and the outcome announces
 * {@code ShipmentScheduled}, which the consumer publishes before it marks the payment processed.
 * <b>Failure:</b> a storage or publishing failure fails only this message; it is redelivered and
 * after 5 receives lands in {@code ScheduleShipmentDlq} (alarmed). <b>Idempotency:</b>
 * deduplicated on the event id (consumer {@value #CONSUMER}); the shipment is written only if the
 * order has none, together with the identity of its announcement (id derived from the payment
 * event's), and a redelivery announces the stored shipment again, with the same values and the
 * same recorded event id and time. <b>Observability:</b> an X-Ray subsegment
 * {@code ScheduleShipment} per order, and the business metric {@code ShipmentsScheduled}, counted
 * once per order when the parcel is booked (before it is published, so a failed publish does not
 * lose the count), never when a redelivery announces the stored shipment again.
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
        if (outcome instanceof ScheduleOutcome.Scheduled) {
            observability.metrics().count("ShipmentsScheduled", charged.data().orderId(),
                    charged.metadata().correlationId());
        }
        Shipment shipment = outcome.shipment();
        LOG.info("Shipment {} of order {} with {} announced ({})", shipment.shipmentId(), shipment.orderId(),
                shipment.carrier(), outcome.getClass().getSimpleName());
        return outcome;
    }
}
