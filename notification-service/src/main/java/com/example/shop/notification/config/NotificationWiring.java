package com.example.shop.notification.config;

import com.example.shop.events.codec.EventCodec;
import com.example.shop.notification.adapter.DynamoDbContactBook;
import com.example.shop.notification.adapter.DynamoDbDeliveryLog;
import com.example.shop.notification.adapter.DynamoDbRecordedSmsGateway;
import com.example.shop.notification.adapter.SesV2EmailSender;
import com.example.shop.notification.adapter.SnsCustomerNotifications;
import com.example.shop.notification.domain.CustomerMessages;
import com.example.shop.notification.domain.NotifyCustomer;
import com.example.shop.notification.domain.SendEmail;
import com.example.shop.notification.domain.TextShipmentUpdate;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.DynamoDbProcessedEvents;
import com.example.shop.platform.Observability;
import com.example.shop.platform.ProcessedEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the notification service's collaborators by hand, once per execution environment, at
 * init: SDK clients are created here and nowhere else, so SnapStart snapshots them ready to use.
 * The three functions need different clients, so each use case method builds only its own (the
 * SNS client only in the function that publishes, the SES client only in the one that e-mails);
 * each handler calls its method once, from its constructor.
 */
public final class NotificationWiring {

    /**
     * How long a processed-event marker or an e-mail delivery is remembered: longer than the bus
     * archive keeps events (30 days by default), so a replay is still recognised as a duplicate.
     */
    static final Duration DEDUPLICATION_RETENTION = Duration.ofDays(35);

    /** How long a customer's address is kept after the order was placed. */
    static final Duration CONTACT_RETENTION = Duration.ofDays(90);

    /** How long a recorded text is kept. */
    static final Duration TEXT_RETENTION = Duration.ofDays(90);

    /** The service name on every log line and metric, unless the function's template names another. */
    static final String SERVICE_NAME = "notification";

    private final NotificationConfig config;
    private final AwsClients clients;
    private final Clock clock;
    private final DynamoDbClient dynamo;
    private final EventCodec codec;
    private final ProcessedEvents processedEvents;
    private final Observability observability;

    private NotificationWiring(NotificationConfig config, Map<String, String> env) {
        this.config = config;
        this.clients = new AwsClients(env);
        this.clock = Clock.systemUTC();
        this.dynamo = clients.build(DynamoDbClient.builder());
        this.codec = new EventCodec();
        this.processedEvents = new DynamoDbProcessedEvents(dynamo, config.notificationsTable(), clock,
                DEDUPLICATION_RETENTION);
        Map<String, String> named = new HashMap<>(env);
        named.putIfAbsent("POWERTOOLS_SERVICE_NAME", SERVICE_NAME);
        this.observability = new Observability(named);
    }

    /** Reads the configuration from {@code env} and builds what every function shares. */
    public static NotificationWiring from(Map<String, String> env) {
        return new NotificationWiring(NotificationConfig.from(env), env);
    }

    /** Renders and publishes notifications; builds the SNS client. */
    public NotifyCustomer notifyCustomer() {
        return new NotifyCustomer(
                new DynamoDbContactBook(dynamo, config.notificationsTable(), clock, CONTACT_RETENTION),
                CustomerMessages.fromClasspath(),
                new SnsCustomerNotifications(clients.build(SnsClient.builder()),
                        config.requireCustomerNotificationsTopicArn()));
    }

    /** E-mails notifications once each; builds the SES client. */
    public SendEmail sendEmail() {
        return new SendEmail(
                new DynamoDbDeliveryLog(dynamo, config.notificationsTable(), DEDUPLICATION_RETENTION),
                new SesV2EmailSender(clients.build(SesV2Client.builder()), config.requireSenderEmail()),
                clock);
    }

    /** Texts shipment updates once each. */
    public TextShipmentUpdate textShipmentUpdate() {
        return new TextShipmentUpdate(
                new DynamoDbRecordedSmsGateway(dynamo, config.notificationsTable(), clock, TEXT_RETENTION));
    }

    public EventCodec codec() {
        return codec;
    }

    public ProcessedEvents processedEvents() {
        return processedEvents;
    }

    /** The function's logging context, tracing and metrics, built once at init. */
    public Observability observability() {
        return observability;
    }
}
