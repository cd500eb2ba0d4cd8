package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.Announces;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ProductCreated;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.config.InventoryWiring;
import com.example.shop.inventory.domain.OpenStockItem;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a stock item for every new product of the catalog.
 *
 * <p>Trigger: {@code ProductCreated} from the {@code CreateStockItemQueue} (EventBridge rule on
 * source {@code shop.catalog} → SQS). Effect: the product's {@code stock#<productId>} item with 0
 * available and 0 reserved, unless it already has one (which is left as it is); nothing is
 * announced. Failure: an infrastructure error fails only that message (partial batch response);
 * SQS redelivers it and after 5 receives moves it to {@code CreateStockItemDlq}. Idempotency: the
 * consumer {@code create-stock-item} skips event ids it has handled, and the write is conditional
 * on the item not existing, so any repeat changes nothing.
 */
public final class CreateStockItemHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(CreateStockItemHandler.class);

    private final OpenStockItem openStockItem;
    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires the function from its environment. */
    public CreateStockItemHandler() {
        this(InventoryWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/create-stock-item.json");
    }

    private CreateStockItemHandler(InventoryWiring wiring) {
        this(wiring.openStockItem(), wiring.function().codec(), wiring.processedEvents(), wiring.function().observability());
    }

    CreateStockItemHandler(OpenStockItem openStockItem, EventCodec codec, ProcessedEvents processedEvents,
                           Observability observability) {
        this.openStockItem = openStockItem;
        this.observability = observability;
        this.consumer = SqsEventConsumer.named("create-stock-item")
                .on(ProductCreated.class, this::open)
                .using(codec, processedEvents);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private Announces open(EventEnvelope<ProductCreated> created) {
        // A product is not an order: the subsegment carries the event type only.
        OpenStockItem.Outcome outcome = Observability.traced("OpenStockItem", null, created.metadata().eventType(),
                () -> openStockItem.open(created));
        LOG.info("Stock item of product {}: {}", created.data().productId(), outcome);
        return Announces.NOTHING;
    }
}
