package com.example.shop.notification.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.notification.config.NotificationWiring;
import com.example.shop.notification.domain.CustomerNotification;
import com.example.shop.notification.domain.EmailOutcome;
import com.example.shop.notification.domain.SendEmail;
import com.example.shop.platform.FunctionEnvironment;
import com.example.shop.platform.Observability;
import com.example.shop.platform.Priming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail channel: sends each customer notification to the customer's address with SES.
 *
 * <p><b>Trigger:</b> notifications from {@code CustomerNotificationsTopic} whose {@code channel}
 * attribute is {@code email}, through {@code EmailQueue} (raw delivery, so the body is the
 * notification JSON). <b>Effect:</b> one plain-text e-mail from {@code SENDER_EMAIL}, recorded as
 * {@code sent#<notificationId>}. <b>Failure:</b> an SES or storage failure fails only that message
 * (its claim is released); it is redelivered and after 5 receives lands in {@code EmailDlq}.
 * <b>Idempotency:</b> keyed on the notification id (derived from the event id): the attempt claims
 * the notification with a conditional write before sending and marks it sent afterwards, so a
 * redelivered notification is never e-mailed twice; a concurrent duplicate fails and comes back to
 * find it sent. The one remaining duplicate (a crash between SES accepting the mail and the mark)
 * is explained in {@link SendEmail}.
 */
public final class SendEmailHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(SendEmailHandler.class);

    private final SendEmail sendEmail;
    private final Observability observability;

    /** Used by Lambda: wires itself from the function's environment. */
    public SendEmailHandler() {
        this(NotificationWiring.from(FunctionEnvironment.current()));
        Priming.register(this, "priming/send-email.json");
    }

    private SendEmailHandler(NotificationWiring wiring) {
        this(wiring.sendEmail(), wiring.function().observability());
    }

    SendEmailHandler(SendEmail sendEmail, Observability observability) {
        this.sendEmail = sendEmail;
        this.observability = observability;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return observability.handle(context, () -> NotificationBatch.handle(event, this::send));
    }

    private void send(CustomerNotification notification) {
        EmailOutcome outcome = Observability.traced("SendEmail", notification.orderId(), notification.eventType(),
                () -> sendEmail.send(notification));
        switch (outcome) {
            case EmailOutcome.Sent sent -> LOG.info("E-mail for {} sent (SES message {})",
                    notification.notificationId(), sent.providerMessageId());
            case EmailOutcome.AlreadySent sent -> LOG.info("E-mail for {} was sent before (SES message {}); "
                    + "duplicate delivery acknowledged", notification.notificationId(), sent.providerMessageId());
        }
    }
}
