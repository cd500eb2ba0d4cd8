package com.example.shop.notification.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.OrderScoped;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.notification.config.NotificationWiring;
import com.example.shop.notification.domain.NotificationOutcome;
import com.example.shop.notification.domain.NotifyCustomer;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.SqsEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells customers what happens to their orders: renders a message for each customer-facing saga
 * event and publishes it to the customer notifications topic, which fans it out to the channels,
 * keeping the final-message rule of decision record 0002 (each order gets exactly one final
 * message, and no progress message after a final message that ends the order).
 *
 * <p><b>Trigger:</b> {@code OrderPlaced}, {@code OrderCancelled} (shop.orders),
 * {@code StockUnavailable} (shop.inventory), {@code PaymentCharged}, {@code PaymentDeclined},
 * {@code PaymentFailed}, {@code PaymentRefunded} (shop.payments) and {@code ShipmentScheduled},
 * {@code ShipmentFailed} (shop.shipping) from the bus, through {@code NotifyCustomerQueue}.
 * <b>Effect:</b> {@code OrderPlaced} stores the order's contact ({@code contact#<orderId>}:
 * customer id and e-mail address). A final message of an order that does not go ahead
 * ({@code StockUnavailable}, {@code PaymentDeclined}, {@code PaymentFailed}, {@code OrderCancelled},
 * {@code ShipmentFailed}) first marks the contact {@code closedBy} itself with a conditional write;
 * a progress message ({@code PaymentCharged}, {@code ShipmentScheduled}) is handed over only under a
 * claim on the contact that a closed order refuses. Every event that passes becomes one
 * notification on {@code CustomerNotificationsTopic} with the attributes {@code channel=email}
 * and {@code eventType}; a progress message for a closed order, or a second final message, is
 * skipped, logged and acknowledged. <b>Failure:</b> an event whose order's {@code OrderPlaced} has
 * not been handled yet (out-of-order delivery) fails its message, as does one that meets another
 * attempt's progress claim on the same order, and storage and publishing failures; the queue
 * redelivers it after the visibility timeout (by then the contact is usually there and the claim
 * given back) and after 5 receives moves it to {@code NotifyCustomerDlq}. <b>Idempotency:</b>
 * deduplicated on the event id (consumer {@value #CONSUMER}); the notification id is derived from
 * the event id ({@link EventIds}, the shop's one rule), so a redelivery that gets past the
 * deduplication publishes the same notification, which every channel delivers once (a final
 * message finds the order closed by itself and is handed over again). The route announces no
 * event: a notification goes to the customer notifications topic, not to the shop's bus.
 */
public final class NotifyCustomerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The consumer name under which processed events are remembered. */
    static final String CONSUMER = "notify-customer";
    /** The purpose under which a notification id is derived from its event's id. */
    static final String NOTIFICATION_ID_PURPOSE = "CustomerNotification";

    private static final Logger LOG = LoggerFactory.getLogger(NotifyCustomerHandler.class);

    private final NotifyCustomer notifyCustomer;
    private final Observability observability;
    private final SqsEventConsumer consumer;

    /** Used by Lambda: wires itself from the function's environment. */
    public NotifyCustomerHandler() {
        this(NotificationWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/notify-customer.json");
    }

    private NotifyCustomerHandler(NotificationWiring wiring) {
        this(wiring.notifyCustomer(), wiring.function().codec(), wiring.processedEvents(), wiring.function().observability());
    }

    NotifyCustomerHandler(NotifyCustomer notifyCustomer, EventCodec codec, ProcessedEvents processedEvents,
                          Observability observability) {
        this.notifyCustomer = notifyCustomer;
        this.observability = observability;
        this.consumer = SqsEventConsumer.named(CONSUMER)
                .on(OrderPlaced.class, this::notifyCustomer)
                .on(StockUnavailable.class, this::notifyCustomer)
                .on(PaymentCharged.class, this::notifyCustomer)
                .on(PaymentDeclined.class, this::notifyCustomer)
                .on(PaymentFailed.class, this::notifyCustomer)
                .on(ShipmentScheduled.class, this::notifyCustomer)
                .on(ShipmentFailed.class, this::notifyCustomer)
                .on(OrderCancelled.class, this::notifyCustomer)
                .on(PaymentRefunded.class, this::notifyCustomer)
                .using(codec, processedEvents);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> consumer.handle(event));
    }

    private Announces notifyCustomer(EventEnvelope<? extends DomainEvent> event) {
        String orderId = event.data() instanceof OrderScoped scoped ? scoped.orderId() : null;
        NotificationOutcome outcome = Observability.traced("NotifyCustomer", orderId,
                event.metadata().eventType(),
                () -> notifyCustomer.notify(event.data(), EventIds.derive(event.eventId(), NOTIFICATION_ID_PURPOSE),
                        event.correlationId()));
        switch (outcome) {
            case NotificationOutcome.Published published -> LOG.info("Customer notification {} for {} published",
                    published.notification().notificationId(), published.notification().eventType());
            case NotificationOutcome.Skipped skipped -> LOG.info("No customer notification for {}: order {} was "
                    + "closed by its final message {} ({})", skipped.eventType(), skipped.orderId(),
                    skipped.closedBy().eventType(), skipped.closedBy().notificationId());
        }
        return Announces.NOTHING;
    }
}
