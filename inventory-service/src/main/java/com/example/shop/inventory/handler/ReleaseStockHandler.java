package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderScoped;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.config.InventoryWiring;
import com.example.shop.inventory.domain.ReleaseOutcome;
import com.example.shop.inventory.domain.ReleaseStock;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Gives back the stock of orders whose payment was declined or failed, or that were cancelled:
 * the saga's compensation.
 *
 * <p>Trigger: {@code PaymentDeclined}, {@code PaymentFailed} or {@code OrderCancelled} from the
 * {@code ReleaseStockQueue} (EventBridge rule → SQS). Effect: if the order's stock is held, one
 * DynamoDB transaction marks the reservation released and returns every line's units, then
 * {@code StockReleased} is published with the trigger's type as its reason; an order with nothing
 * held publishes nothing, and a cancellation that overtook its order leaves a marker so the late
 * order reserves nothing. Failure: the message alone is redelivered (partial batch response), and
 * after 5 receives lands in {@code ReleaseStockDlq}. Idempotency: the consumer
 * {@code release-stock} skips event ids it has handled, and a reservation moves from held to
 * released only once, so any later trigger republishes the recorded {@code StockReleased} with its
 * original id without touching stock.
 */
public final class ReleaseStockHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseStockHandler.class);

    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires the function from its environment. */
    public ReleaseStockHandler() {
        this(InventoryWiring.from(FunctionEnvironment.current()));
    }

    private ReleaseStockHandler(InventoryWiring wiring) {
        this(wiring.releaseStock(), wiring.codec(), wiring.processedEvents(), wiring.observability());
    }

    ReleaseStockHandler(ReleaseStock releaseStock, EventCodec codec, ProcessedEvents processedEvents) {
        this(releaseStock, codec, processedEvents, new Observability(Map.of("POWERTOOLS_SERVICE_NAME", "inventory")));
    }

    ReleaseStockHandler(ReleaseStock releaseStock, EventCodec codec, ProcessedEvents processedEvents,
                        Observability observability) {
        this.observability = observability;
        this.consumer = SqsEventConsumer.named("release-stock")
                .on(PaymentDeclined.class, declined -> log(traced(declined, () -> releaseStock.release(declined))))
                .on(PaymentFailed.class, failed -> log(traced(failed, () -> releaseStock.release(failed))))
                .on(OrderCancelled.class, cancelled -> log(traced(cancelled, () -> releaseStock.release(cancelled))))
                .using(codec, processedEvents);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private static ReleaseOutcome traced(EventEnvelope<? extends OrderScoped> trigger,
                                         Supplier<ReleaseOutcome> release) {
        return Observability.traced("ReleaseStock", trigger.data().orderId(), trigger.metadata().eventType(), release);
    }

    private static void log(ReleaseOutcome outcome) {
        switch (outcome) {
            case ReleaseOutcome.Released released -> LOG.info("Stock released ({}), {} {}",
                    released.announced().data().reason(), released.repeated() ? "republished" : "published",
                    released.announced().eventId());
            case ReleaseOutcome.NothingToRelease nothing -> LOG.info("Nothing to release: {}", nothing.why());
            case ReleaseOutcome.CancellationNoted _ -> LOG.info("Order cancelled before it was reserved; "
                    + "marker written so that a late OrderPlaced reserves nothing");
        }
    }
}
