package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.order.config.OrderWiring;
import com.example.shop.order.domain.TrackOrder;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.Observability;
import com.example.shop.platform.SqsEventConsumer;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderScoped;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Duration;
import java.util.Map;

/**
 * Order status updater, triggered by the {@code OrderStatusQueue} (one EventBridge rule routes
 * every saga event the order follows there): applies each event to its order through the
 * forward-only state machine.
 *
 * <p>Idempotent twice over: events already handled are skipped by event id, and the order's
 * history refuses the same cause again. A failing message (unknown order, throttling) is reported
 * alone and retried by the queue; after {@code maxReceiveCount} it waits in the DLQ.
 */
public final class UpdateOrderStatusHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateOrderStatusHandler.class);

    private final SqsEventConsumer consumer;
    private final TrackOrder trackOrder;
    private final Observability observability;

    public UpdateOrderStatusHandler() {
        this(OrderWiring.fromEnvironment());
    }

    private UpdateOrderStatusHandler(OrderWiring wiring) {
        this(wiring.trackOrder(), wiring.codec(), wiring.processedEvents(), wiring.observability());
    }

    UpdateOrderStatusHandler(TrackOrder trackOrder, EventCodec codec, ProcessedEvents processed) {
        this(trackOrder, codec, processed, new Observability(Map.of("POWERTOOLS_SERVICE_NAME", "order")));
    }

    UpdateOrderStatusHandler(TrackOrder trackOrder, EventCodec codec, ProcessedEvents processed,
                             Observability observability) {
        this.trackOrder = trackOrder;
        this.observability = observability;
        this.consumer = SqsEventConsumer.named("update-order-status")
                .on(StockReserved.class, this::track)
                .on(StockUnavailable.class, this::track)
                .on(PaymentCharged.class, this::track)
                .on(PaymentDeclined.class, this::track)
                .on(PaymentFailed.class, this::track)
                .on(ShipmentScheduled.class, this::track)
                .on(StockReleased.class, this::track)
                .on(PaymentRefunded.class, this::track)
                .using(codec, processed);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private void track(EventEnvelope<? extends OrderScoped> envelope) {
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
    }
}
