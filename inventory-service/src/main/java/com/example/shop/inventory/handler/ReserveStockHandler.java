package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.config.InventoryWiring;
import com.example.shop.inventory.domain.ReservationOutcome;
import com.example.shop.inventory.domain.ReserveStock;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Reserves stock for every placed order.
 *
 * <p>Trigger: {@code OrderPlaced} from the {@code ReserveStockQueue} (EventBridge rule → SQS).
 * Effect: all lines reserved in one DynamoDB transaction and {@code StockReserved} published, or
 * nothing reserved and {@code StockUnavailable} published naming the short lines; an order already
 * cancelled reserves and publishes nothing. Failure: an infrastructure error fails only that
 * message (partial batch response); SQS redelivers it and after 5 receives moves it to
 * {@code ReserveStockDlq}. Idempotency: the consumer {@code reserve-stock} skips event ids it has
 * handled, and the reservation is keyed by order id, so any repeat republishes the recorded event
 * with its original id instead of reserving again.
 *
 * <p>Observability: Powertools logging context on every line, an X-Ray subsegment
 * {@code ReserveStock} per order, and the business metric {@code StockUnavailable}, counted once
 * per refused order: only when the refusal is decided, never when a redelivery or a republished
 * {@code OrderPlaced} announces the recorded refusal again. (A refusal whose first publish failed
 * is therefore not counted: counting it on the retry could not be told apart from a republish.)
 */
public final class ReserveStockHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReserveStockHandler.class);

    private final ReserveStock reserveStock;
    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires the function from its environment. */
    public ReserveStockHandler() {
        this(InventoryWiring.from(FunctionEnvironment.current()));
    }

    private ReserveStockHandler(InventoryWiring wiring) {
        this(wiring.reserveStock(), wiring.codec(), wiring.processedEvents(), wiring.observability());
    }

    ReserveStockHandler(ReserveStock reserveStock, EventCodec codec, ProcessedEvents processedEvents) {
        this(reserveStock, codec, processedEvents, new Observability(Map.of("POWERTOOLS_SERVICE_NAME", "inventory")));
    }

    ReserveStockHandler(ReserveStock reserveStock, EventCodec codec, ProcessedEvents processedEvents,
                        Observability observability) {
        this.reserveStock = reserveStock;
        this.observability = observability;
        this.consumer = SqsEventConsumer.named("reserve-stock")
                .on(OrderPlaced.class, this::reserve)
                .using(codec, processedEvents);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private void reserve(EventEnvelope<OrderPlaced> placed) {
        ReservationOutcome outcome = Observability.traced("ReserveStock", placed.data().orderId(),
                placed.metadata().eventType(), () -> reserveStock.reserve(placed));
        if (outcome instanceof ReservationOutcome.Unavailable unavailable && !unavailable.repeated()) {
            observability.metrics().count("StockUnavailable", placed.data().orderId(),
                    placed.metadata().correlationId());
        }
        log(placed, outcome);
    }

    private static void log(EventEnvelope<OrderPlaced> placed, ReservationOutcome outcome) {
        switch (outcome) {
            case ReservationOutcome.Reserved reserved -> LOG.info("Stock reserved for {} line(s), {} {}",
                    reserved.announced().data().lines().size(), reserved.repeated() ? "republished" : "published",
                    reserved.announced().eventId());
            case ReservationOutcome.Unavailable unavailable -> LOG.info("Stock unavailable for {} line(s), {} {}",
                    unavailable.announced().data().lines().size(),
                    unavailable.repeated() ? "republished" : "published", unavailable.announced().eventId());
            case ReservationOutcome.CancelledFirst cancelled -> LOG.warn("Order was cancelled by {} before {} "
                    + "arrived; reserved nothing and published nothing",
                    cancelled.marker().cancellationEventId(), placed.eventId());
        }
    }
}
