package com.example.shop.notification.config;

import com.example.shop.notification.adapter.DynamoDbContactBook;
import com.example.shop.notification.adapter.DynamoDbDeliveryLog;
import com.example.shop.notification.adapter.DynamoDbRecordedSmsGateway;
import com.example.shop.notification.adapter.SesV2EmailSender;
import com.example.shop.notification.adapter.SnsCustomerNotifications;
import com.example.shop.notification.domain.CustomerMessages;
import com.example.shop.notification.domain.NotifyCustomer;
import com.example.shop.notification.domain.SendEmail;
import com.example.shop.notification.domain.TextShipmentUpdate;
import com.example.shop.platform.FunctionWiring;
import com.example.shop.platform.ProcessedEvents;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Duration;
import java.util.Map;

/**
 * The notification service's object graph, built by hand once per execution environment, at
 * init, on the shop's {@link FunctionWiring}: SDK clients are created there and nowhere else, so
 * SnapStart snapshots them ready to use. The three functions need different clients, so each use
 * case method builds only its own (the SNS client only in the function that publishes, the SES
 * client only in the one that e-mails); each handler calls its method once, from its constructor.
 */
public final class NotificationWiring {

    /**
     * How long an e-mail delivery is remembered: as long as a processed-event marker, longer than
     * the bus archive keeps events, so a replay is still recognised as a duplicate.
     */
    static final Duration DELIVERY_RETENTION = ProcessedEvents.RETENTION;

    /** How long a customer's address is kept after the order was placed. */
    static final Duration CONTACT_RETENTION = Duration.ofDays(90);

    /** How long a recorded text is kept. */
    static final Duration TEXT_RETENTION = Duration.ofDays(90);

    /** The service name on every log line and metric, unless the function's template names another. */
    static final String SERVICE_NAME = "notification";

    private final FunctionWiring function;
    private final NotificationConfig config;

    private NotificationWiring(Map<String, String> env) {
        // The configuration first: a wrong template entry fails the init before any client is built.
        this.config = NotificationConfig.from(env);
        this.function = FunctionWiring.of(SERVICE_NAME, env);
    }

    /** Reads the configuration from {@code env} and builds what every function shares. */
    public static NotificationWiring from(Map<String, String> env) {
        return new NotificationWiring(env);
    }

    /** Renders and publishes notifications; builds the SNS client. */
    public NotifyCustomer notifyCustomer() {
        return new NotifyCustomer(
                new DynamoDbContactBook(function.dynamo(), config.notificationsTable(), function.clock(),
                        CONTACT_RETENTION),
                CustomerMessages.fromClasspath(),
                new SnsCustomerNotifications(function.client(SnsClient.class, SnsClient::builder),
                        config.requireCustomerNotificationsTopicArn()),
                function.clock());
    }

    /** E-mails notifications once each; builds the SES client. */
    public SendEmail sendEmail() {
        return new SendEmail(
                new DynamoDbDeliveryLog(function.dynamo(), config.notificationsTable(), DELIVERY_RETENTION),
                new SesV2EmailSender(function.client(SesV2Client.class, SesV2Client::builder),
                        config.requireSenderEmail()),
                function.clock());
    }

    /** Texts shipment updates once each. */
    public TextShipmentUpdate textShipmentUpdate() {
        return new TextShipmentUpdate(new DynamoDbRecordedSmsGateway(function.dynamo(), config.notificationsTable(),
                function.clock(), TEXT_RETENTION));
    }

    /** Which events the notify-customer consumer has handled, in the notifications table. */
    public ProcessedEvents processedEvents() {
        return function.processedEvents(config.notificationsTable());
    }

    /** What every function is wired from: codec, clock, ids, observability, event bus, SDK clients. */
    public FunctionWiring function() {
        return function;
    }
}
