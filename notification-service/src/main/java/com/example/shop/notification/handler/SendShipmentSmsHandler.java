package com.example.shop.notification.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.notification.config.NotificationWiring;
import com.example.shop.notification.domain.CustomerNotification;
import com.example.shop.notification.domain.TextOutcome;
import com.example.shop.notification.domain.TextShipmentUpdate;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel: texts customers when their parcel is on its way.
 *
 * <p><b>Trigger:</b> notifications from {@code CustomerNotificationsTopic} whose {@code eventType}
 * attribute is {@code ShipmentScheduled}, through {@code ShipmentSmsQueue}: the subscription's
 * filter policy, not this code, keeps every other notification out of the queue (this handler
 * still declines anything else, as a second lock). <b>Effect:</b> a one-segment text with order,
 * carrier and tracking number goes to the SMS gateway, which here records it as
 * {@code sms#<notificationId>} in the notifications table (no SMS can be delivered locally, and the
 * shop collects no phone numbers). <b>Failure:</b> a storage failure fails only that message; it is
 * redelivered and after 5 receives lands in {@code ShipmentSmsDlq}. <b>Idempotency:</b> keyed on
 * the notification id: the gateway writes each text once (conditional put), so a redelivered
 * notification is not texted again.
 */
public final class SendShipmentSmsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(SendShipmentSmsHandler.class);

    private final TextShipmentUpdate textShipmentUpdate;
    private final Observability observability;

    /** Used by Lambda: wires itself from the function's environment. */
    public SendShipmentSmsHandler() {
        this(NotificationWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/send-shipment-sms.json");
    }

    private SendShipmentSmsHandler(NotificationWiring wiring) {
        this(wiring.textShipmentUpdate(), wiring.function().observability());
    }

    SendShipmentSmsHandler(TextShipmentUpdate textShipmentUpdate, Observability observability) {
        this.textShipmentUpdate = textShipmentUpdate;
        this.observability = observability;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> NotificationBatch.handle(event, this::text));
    }

    private void text(CustomerNotification notification) {
        TextOutcome outcome = Observability.traced("TextShipmentUpdate", notification.orderId(),
                notification.eventType(), () -> textShipmentUpdate.text(notification));
        switch (outcome) {
            case TextOutcome.Texted texted -> LOG.info("Shipment text for {} sent", notification.notificationId());
            case TextOutcome.AlreadyTexted already -> LOG.info("Shipment text for {} was sent before; duplicate "
                    + "delivery acknowledged", notification.notificationId());
            case TextOutcome.NotTexted declined -> LOG.warn("Notification {} ({}) reached the SMS channel although "
                    + "its filter admits only shipment updates; acknowledged without a text",
                    notification.notificationId(), declined.eventType());
        }
    }
}
