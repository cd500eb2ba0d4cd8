package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.Announces;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ProductCreated;
import com.example.shop.events.ProductDiscontinued;
import com.example.shop.events.ProductPriceChanged;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.order.config.OrderWiring;
import com.example.shop.order.domain.PriceProjection;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the order service's price list, triggered by the {@code UpdatePriceTableQueue} (an
 * EventBridge rule routes the catalog's {@code ProductCreated}, {@code ProductPriceChanged} and
 * {@code ProductDiscontinued} there): the product's {@code price#<productId>} item is written or
 * removed, so placing an order prices its lines without calling the catalog.
 *
 * <p>Idempotent and order-tolerant: the consumer {@code update-price-table} skips event ids it has
 * handled, and every write is conditional on the announcement's time, so an older announcement
 * never overwrites a newer one. The price list is the order service's own state, so nothing is
 * announced. A failing message (throttling, a conflict) is reported alone and
 * redelivered by the queue; after 5 receives it waits in {@code UpdatePriceTableDlq}.
 */
public final class UpdatePriceTableHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(UpdatePriceTableHandler.class);

    private final SqsEventConsumer consumer;
    private final Observability observability;

    /** Used by Lambda: wires the function from its environment. */
    public UpdatePriceTableHandler() {
        this(OrderWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/update-price-table.json");
    }

    private UpdatePriceTableHandler(OrderWiring wiring) {
        this(wiring.priceProjection(), wiring.function().codec(), wiring.processedEvents(), wiring.function().observability());
    }

    UpdatePriceTableHandler(PriceProjection prices, EventCodec codec, ProcessedEvents processed,
                            Observability observability) {
        this.observability = observability;
        // The price list is local state: these routes announce nothing.
        this.consumer = SqsEventConsumer.named("update-price-table")
                .on(ProductCreated.class, created -> log(created, prices.productCreated(created)))
                .on(ProductPriceChanged.class, changed -> log(changed, prices.priceChanged(changed)))
                .on(ProductDiscontinued.class, discontinued -> log(discontinued, prices.productDiscontinued(discontinued)))
                .using(codec, processed);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private static Announces log(EventEnvelope<?> event, PriceProjection.Outcome outcome) {
        LOG.info("{} {} for the price list: {}", event.metadata().eventType(), event.eventId(), outcome);
        return Announces.NOTHING;
    }
}
