package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.Announces;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShipmentCancelled;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.order.config.OrderWiring;
import com.example.shop.order.domain.TrackOrder;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.SqsEventConsumer;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderScoped;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Duration;

/**
 * Order status updater, triggered by the {@code OrderStatusQueue} (one EventBridge rule routes
 * every saga event the order follows there): applies each event to its order through the
 * forward-only state machine. Progress: {@code StockReserved}, {@code PaymentCharged},
 * {@code ShipmentScheduled}. Failures that end an open order: {@code StockUnavailable} (REJECTED),
 * {@code PaymentDeclined} and {@code PaymentFailed} (PAYMENT_FAILED), {@code ShipmentFailed}
 * (SHIPMENT_FAILED). Compensations recorded once without a status change: {@code StockReleased},
 * {@code PaymentRefunded}, {@code ShipmentCancelled}. An event that would move a final order
 * (a late charge or booking after a cancel or a shipment failure) is stale and changes nothing.
 *
 * <p>Idempotent through the order's history, which records the id of every event applied and
 * refuses the same cause again: a redelivery reads the order, finds its event and changes nothing.
 * It keeps no processed-event markers beside that (they would cost a read and a write per event,
 * and repeat what the history already answers). The status is the order service's own state, so nothing
 * is announced. A failing message (unknown order, throttling, an order that kept changing under
 * every attempt) is reported alone and retried by the queue; after {@code maxReceiveCount} it
 * waits in the DLQ.
 */
public final class UpdateOrderStatusHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateOrderStatusHandler.class);

    private final SqsEventConsumer consumer;
    private final TrackOrder trackOrder;
    private final Observability observability;

    /** Used by Lambda: wires the function from its environment. */
    public UpdateOrderStatusHandler() {
        this(OrderWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/update-order-status.json");
    }

    private UpdateOrderStatusHandler(OrderWiring wiring) {
        // No processed-event markers: the order's history records each applied event's id and
        // TrackOrder ignores one it finds there, so a marker would repeat that read and write.
        this(wiring.trackOrder(), wiring.function().codec(), ProcessedEvents.KEPT_BY_THE_ROUTES,
                wiring.function().observability());
    }

    UpdateOrderStatusHandler(TrackOrder trackOrder, EventCodec codec, ProcessedEvents processed,
                             Observability observability) {
        this.trackOrder = trackOrder;
        this.observability = observability;
        // The order's status is local state: these routes announce nothing.
        this.consumer = SqsEventConsumer.named("update-order-status")
                .on(StockReserved.class, this::track)
                .on(StockUnavailable.class, this::track)
                .on(PaymentCharged.class, this::track)
                .on(PaymentDeclined.class, this::track)
                .on(PaymentFailed.class, this::track)
                .on(ShipmentScheduled.class, this::track)
                .on(ShipmentFailed.class, this::track)
                .on(StockReleased.class, this::track)
                .on(PaymentRefunded.class, this::track)
                .on(ShipmentCancelled.class, this::track)
                .using(codec, processed);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private Announces track(EventEnvelope<? extends OrderScoped> envelope) {
        TrackOrder.Outcome outcome = Observability.traced("TrackOrder", envelope.data().orderId(),
                envelope.metadata().eventType(), () -> trackOrder.apply(envelope));
        switch (outcome) {
            case TrackOrder.Outcome.Applied applied -> {
                Order order = applied.order();
                LOG.info("Order is {} after {}", order.status(), envelope.metadata().eventType());
                if (order.status() == OrderStatus.SHIPPED && envelope.data() instanceof ShipmentScheduled) {
                    // the saga's end-to-end time, from the order's placing to its shipment
                    Duration saga = Duration.between(order.history().getFirst().at(), order.history().getLast().at());
                    observability.metrics().record("SagaDuration", saga.toMillis(), MetricUnit.MILLISECONDS,
                            order.id().value(), order.correlationId());
                }
            }
            case TrackOrder.Outcome.Ignored ignored -> LOG.info("{} ignored: {}", envelope.metadata().eventType(),
                    ignored.why());
        }
        return Announces.NOTHING;
    }
}
