package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.config.InventoryWiring;
import com.example.shop.inventory.domain.ReservationOutcome;
import com.example.shop.inventory.domain.ReserveStock;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reserves stock for every placed order.
 *
 * <p>Trigger: {@code OrderPlaced} from the {@code ReserveStockQueue} (EventBridge rule → SQS).
 * Effect: all lines reserved in one DynamoDB transaction that also records {@code StockReserved},
 * or nothing reserved and {@code StockUnavailable} recorded naming the short lines; the consumer
 * then publishes the recorded event. An order already cancelled reserves and announces nothing.
 * Failure: an infrastructure error or a refused publish fails only that message (partial batch
 * response); SQS redelivers it and after 5 receives moves it to {@code ReserveStockDlq}.
 * Idempotency: the consumer {@code reserve-stock} skips event ids it has handled, and the
 * reservation is keyed by order id, so any repeat announces the recorded event again, with its
 * original id, instead of reserving again.
 *
 * <p>Observability: Powertools logging context on every line, an X-Ray subsegment
 * {@code ReserveStock} per order, and the business metric {@code StockUnavailable}, counted once
 * per refused order: when the refusal is decided, never when a redelivery or a republished
 * {@code OrderPlaced} announces the recorded refusal again (even if the first publish failed).
 */
public final class ReserveStockHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReserveStockHandler.class);

    private final ReserveStock reserveStock;
    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires the function from its environment. */
    public ReserveStockHandler() {
        this(InventoryWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/reserve-stock.json");
    }

    private ReserveStockHandler(InventoryWiring wiring) {
        this(wiring.reserveStock(), wiring.function().codec(), wiring.processedEvents(), wiring.function().eventBus(),
                wiring.function().observability());
    }

    ReserveStockHandler(ReserveStock reserveStock, EventCodec codec, ProcessedEvents processedEvents,
                        EventPublisher publisher, Observability observability) {
        this.reserveStock = reserveStock;
        this.observability = observability;
        this.consumer = SqsEventConsumer.named("reserve-stock")
                .on(OrderPlaced.class, this::reserve)
                .using(codec, processedEvents, publisher);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private ReservationOutcome reserve(EventEnvelope<OrderPlaced> placed) {
        ReservationOutcome outcome = Observability.traced("ReserveStock", placed.data().orderId(),
                placed.metadata().eventType(), () -> reserveStock.reserve(placed));
        if (outcome instanceof ReservationOutcome.Unavailable unavailable && !unavailable.repeated()) {
            observability.metrics().count("StockUnavailable", placed.data().orderId(),
                    placed.metadata().correlationId());
        }
        log(placed, outcome);
        return outcome;
    }

    private static void log(EventEnvelope<OrderPlaced> placed, ReservationOutcome outcome) {
        switch (outcome) {
            case ReservationOutcome.Reserved reserved -> LOG.info("Stock reserved for {} line(s), {} {}",
                    reserved.announced().data().lines().size(), announcing(reserved.repeated()),
                    reserved.announced().eventId());
            case ReservationOutcome.Unavailable unavailable -> LOG.info("Stock unavailable for {} line(s), {} {}",
                    unavailable.announced().data().lines().size(), announcing(unavailable.repeated()),
                    unavailable.announced().eventId());
            case ReservationOutcome.CancelledFirst cancelled -> LOG.warn("Order was cancelled by {} before {} "
                    + "arrived; reserved nothing and announces nothing",
                    cancelled.marker().cancellationEventId(), placed.eventId());
        }
    }

    private static String announcing(boolean repeated) {
        return repeated ? "announcing the recorded" : "announcing";
    }
}
