package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderScoped;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.config.InventoryWiring;
import com.example.shop.inventory.domain.ReleaseOutcome;
import com.example.shop.inventory.domain.ReleaseStock;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the stock of orders whose payment was declined or failed, that were cancelled, or
 * whose parcel no carrier would take: the saga's compensation.
 *
 * <p>Trigger: {@code PaymentDeclined}, {@code PaymentFailed}, {@code OrderCancelled} or
 * {@code ShipmentFailed} from the {@code ReleaseStockQueue} (EventBridge rule → SQS). Effect: if
 * the order's stock is held, one DynamoDB transaction marks the reservation released, records
 * {@code StockReleased} (with the trigger's type as its reason) and returns every line's units; the
 * consumer then publishes the recorded event. An order with nothing held announces nothing, and a
 * cancellation that overtook its order leaves a marker so the late order reserves nothing. Failure:
 * an infrastructure error or a refused publish fails only that message (partial batch response); it
 * is redelivered and after 5 receives lands in {@code ReleaseStockDlq}. Idempotency: the consumer
 * {@code release-stock} skips event ids it has handled, and a reservation moves from held to
 * released only once, so any later trigger (a cancellation and a shipment failure of the same order
 * both arriving) announces the recorded {@code StockReleased} again with its original id without
 * touching stock.
 */
public final class ReleaseStockHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseStockHandler.class);

    private final ReleaseStock releaseStock;
    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires the function from its environment. */
    public ReleaseStockHandler() {
        this(InventoryWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/release-stock.json");
    }

    private ReleaseStockHandler(InventoryWiring wiring) {
        this(wiring.releaseStock(), wiring.function().codec(), wiring.processedEvents(), wiring.function().eventBus(),
                wiring.function().observability());
    }

    ReleaseStockHandler(ReleaseStock releaseStock, EventCodec codec, ProcessedEvents processedEvents,
                        EventPublisher publisher, Observability observability) {
        this.releaseStock = releaseStock;
        this.observability = observability;
        this.consumer = SqsEventConsumer.named("release-stock")
                .on(PaymentDeclined.class, this::release)
                .on(PaymentFailed.class, this::release)
                .on(OrderCancelled.class, this::release)
                .on(ShipmentFailed.class, this::release)
                .using(codec, processedEvents, publisher);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private <T extends DomainEvent & OrderScoped> ReleaseOutcome release(EventEnvelope<T> trigger) {
        ReleaseOutcome outcome = Observability.traced("ReleaseStock", trigger.data().orderId(),
                trigger.metadata().eventType(), () -> releaseStock.release(trigger));
        switch (outcome) {
            case ReleaseOutcome.Released released -> LOG.info("Stock released ({}), {} {}",
                    released.announced().data().reason(),
                    released.repeated() ? "announcing the recorded" : "announcing",
                    released.announced().eventId());
            case ReleaseOutcome.NothingToRelease nothing -> LOG.info("Nothing to release: {}", nothing.why());
            case ReleaseOutcome.CancellationNoted _ -> LOG.info("Order cancelled before it was reserved; "
                    + "marker written so that a late OrderPlaced reserves nothing");
        }
        return outcome;
    }
}
