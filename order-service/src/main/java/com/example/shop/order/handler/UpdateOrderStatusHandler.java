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
import com.example.shop.platform.SqsEventConsumer;

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

    private final SqsEventConsumer consumer;

    public UpdateOrderStatusHandler() {
        this(OrderWiring.fromEnvironment());
    }

    private UpdateOrderStatusHandler(OrderWiring wiring) {
        this(wiring.trackOrder(), wiring.codec(), wiring.processedEvents());
    }

    UpdateOrderStatusHandler(TrackOrder trackOrder, EventCodec codec, ProcessedEvents processed) {
        this.consumer = SqsEventConsumer.named("update-order-status")
                .on(StockReserved.class, trackOrder::apply)
                .on(StockUnavailable.class, trackOrder::apply)
                .on(PaymentCharged.class, trackOrder::apply)
                .on(PaymentDeclined.class, trackOrder::apply)
                .on(PaymentFailed.class, trackOrder::apply)
                .on(ShipmentScheduled.class, trackOrder::apply)
                .on(StockReleased.class, trackOrder::apply)
                .on(PaymentRefunded.class, trackOrder::apply)
                .using(codec, processed);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return consumer.handle(event);
    }
}
