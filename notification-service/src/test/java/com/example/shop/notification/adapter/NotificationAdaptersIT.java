package com.example.shop.notification.adapter;

import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.MotoServer;
import com.example.shop.notification.domain.Closure;
import com.example.shop.notification.domain.ContactBook;
import com.example.shop.notification.domain.ContactBookContract;
import com.example.shop.notification.domain.CustomerNotifications;
import com.example.shop.notification.domain.CustomerNotificationsContract;
import com.example.shop.notification.domain.DeliveryLog;
import com.example.shop.notification.domain.DeliveryLogContract;
import com.example.shop.notification.domain.EmailSender;
import com.example.shop.notification.domain.EmailSenderContract;
import com.example.shop.notification.domain.SmsGateway;
import com.example.shop.notification.domain.SmsGatewayContract;
import com.example.shop.notification.domain.CustomerContact;
import com.example.shop.notification.domain.CustomerNotification;
import com.example.shop.notification.domain.HandOver;
import com.example.shop.notification.domain.OutgoingEmail;
import com.example.shop.notification.domain.TextMessage;
import com.example.shop.notification.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notification adapters against the AWS services as moto emulates them: SES v2 sending (and
 * what moto needs for it), the conditional writes of the delivery log, the contact book and the
 * recorded texts on DynamoDB (their port contracts), and the topic's fan-out to the two channel queues through
 * message-attribute filter policies with raw delivery.
 *
 * <p>The adapters of the ports that also have an in-memory fake run the ports' contracts here
 * (the nested {@code ...KeepsTheContract} classes; the fakes run them in {@code InMemoryPortsTest});
 * what is left in this class is what only the AWS side has: item layouts with their expiry, SES as
 * moto records it, and the topic's filter policies.
 *
 * <p>Starts its own moto server through the local emulator (which creates the project virtualenv
 * on first use) and stops it afterwards; each test gets a fresh table created with the SDK.
 */
class NotificationAdaptersIT {

    private static final String SENDER = "shop@example.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger RESOURCES = new AtomicInteger();

    private static MotoServer moto;
    private static URI endpoint;
    private static DynamoDbClient dynamo;
    private static SesV2Client ses;
    private static SnsClient sns;
    private static SqsClient sqs;

    private String table;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        endpoint = moto.endpoint();
        AwsClients clients = new AwsClients(endpoint);
        dynamo = clients.build(DynamoDbClient.builder());
        ses = clients.build(SesV2Client.builder());
        sns = clients.build(SnsClient.builder());
        sqs = clients.build(SqsClient.builder());
        // What the template's AWS::SES::EmailIdentity stands for: moto only sends from a verified
        // identity, and its CloudFormation skips that resource type.
        ses.createEmailIdentity(r -> r.emailIdentity(SENDER));
    }

    @AfterAll
    static void stopMoto() {
        for (AutoCloseable client : new AutoCloseable[] {dynamo, ses, sns, sqs}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // Closing a client of a stopped emulator cannot fail in a way that matters here.
                }
            }
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void createTable() {
        table = "notifications-" + RESOURCES.incrementAndGet();
        dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    @Test
    void an_email_sent_with_ses_v2_shows_up_in_motos_sent_messages() throws Exception {
        String to = "customer-" + RESOURCES.incrementAndGet() + "@example.com";

        String messageId = new SesV2EmailSender(ses, SENDER).send(new OutgoingEmail(to, "Your order o-1 is on its way",
                "Tracking number: JJD1\n"));

        JsonNode sent = sentMail(messageId);
        assertThat(sent.path("source").asText()).isEqualTo(SENDER);
        assertThat(sent.path("destinations").path("ToAddresses")).extracting(JsonNode::asText).containsExactly(to);
        assertThat(sent.path("subject").asText()).isEqualTo("Your order o-1 is on its way");
        assertThat(sent.path("body").asText()).isEqualTo("Tracking number: JJD1\n");
    }

    @Test
    void moto_refuses_a_sender_that_is_not_a_verified_identity() {
        SesV2EmailSender unverified = new SesV2EmailSender(ses, "nobody@unverified.example.org");

        assertThatThrownBy(() -> unverified.send(new OutgoingEmail("erika@example.com", "s", "b")))
                .isInstanceOf(MessageRejectedException.class).hasMessageContaining("not verified");
    }

    @Test
    void a_contact_is_found_by_its_order_with_an_expiry() {
        DynamoDbContactBook contacts = new DynamoDbContactBook(dynamo, table, Fixtures.CLOCK, Duration.ofDays(90));
        CustomerContact contact = new CustomerContact("order-1", "customer-1", "erika@example.com");

        contacts.remember(contact);
        contacts.remember(contact);

        assertThat(contacts.find("order-1")).contains(contact);
        assertThat(contacts.find("order-2")).isEmpty();
        assertThat(item("contact#order-1").get("expiresAt").n())
                .isEqualTo(Long.toString(Fixtures.NOW.plus(Duration.ofDays(90)).getEpochSecond()));
    }

    @Test
    void a_closed_contact_carries_its_closing_message_and_no_progress_claim_and_keeps_its_expiry() {
        DynamoDbContactBook contacts = new DynamoDbContactBook(dynamo, table, Fixtures.CLOCK, Duration.ofDays(90));
        CustomerContact contact = new CustomerContact("order-1", "customer-1", "erika@example.com");
        contacts.remember(contact);
        HandOver.Granted charged = (HandOver.Granted) contacts.claimProgress("order-1", "n-charged", Fixtures.NOW,
                Fixtures.NOW.minusSeconds(60));

        assertThat(item("contact#order-1").get("progressBy").s()).isEqualTo("n-charged");
        assertThat(item("contact#order-1").get("progressClaimedAt").n())
                .isEqualTo(Long.toString(Fixtures.NOW.toEpochMilli()));

        contacts.releaseProgress("n-charged", charged);
        contacts.close("order-1", new Closure("n-cancelled", "OrderCancelled"), Fixtures.NOW, Fixtures.NOW.minusSeconds(60));
        contacts.remember(contact);

        Map<String, AttributeValue> item = item("contact#order-1");
        assertThat(item).doesNotContainKeys("progressBy", "progressClaimedAt");
        assertThat(item.get("closedBy").s()).isEqualTo("n-cancelled");
        assertThat(item.get("closedByEventType").s()).isEqualTo("OrderCancelled");
        assertThat(item.get("email").s()).isEqualTo("erika@example.com");
        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(Fixtures.NOW.plus(Duration.ofDays(90)).getEpochSecond()));
    }

    @Test
    void a_text_is_recorded_once_per_notification() {
        DynamoDbRecordedSmsGateway gateway = new DynamoDbRecordedSmsGateway(dynamo, table, Fixtures.CLOCK,
                Duration.ofDays(90));
        TextMessage text = new TextMessage("n-1", "order-1", "customer-1", "On its way with DHL, tracking JJD1");

        assertThat(gateway.sendOnce(text)).isTrue();
        assertThat(gateway.sendOnce(text)).isFalse();
        assertThat(item("sms#n-1").get("text").s()).isEqualTo("On its way with DHL, tracking JJD1");
    }

    @Test
    void the_topic_fans_every_notification_out_to_email_and_only_shipments_to_sms() throws Exception {
        int n = RESOURCES.incrementAndGet();
        String topicArn = sns.createTopic(r -> r.name("customer-notifications-" + n)).topicArn();
        String emailQueue = subscribedQueue(topicArn, "email-" + n, "{\"channel\": [\"email\"]}");
        String smsQueue = subscribedQueue(topicArn, "shipment-sms-" + n, "{\"eventType\": [\"ShipmentScheduled\"]}");
        SnsCustomerNotifications topic = new SnsCustomerNotifications(sns, topicArn);
        CustomerNotification placed = Fixtures.notification("n-placed-" + n, "OrderPlaced");
        CustomerNotification shipped = Fixtures.notification("n-shipped-" + n, "ShipmentScheduled");

        topic.publish(placed);
        topic.publish(shipped);

        List<Message> emails = receive(emailQueue, 2);
        List<Message> texts = receive(smsQueue, 1);
        assertThat(emails).extracting(Message::body)
                .containsExactlyInAnyOrder(Fixtures.json(placed), Fixtures.json(shipped));
        assertThat(texts).extracting(Message::body).containsExactly(Fixtures.json(shipped));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(smsQueue).waitTimeSeconds(1)).messages())
                .as("the SMS filter keeps OrderPlaced out").isEmpty();
    }

    private String subscribedQueue(String topicArn, String name, String filterPolicy) {
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String subscription = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(arn)).subscriptionArn();
        // The same three attributes as the template's AWS::SNS::Subscription, scope first.
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription)
                .attributeName("FilterPolicyScope").attributeValue("MessageAttributes"));
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription)
                .attributeName("FilterPolicy").attributeValue(filterPolicy));
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription)
                .attributeName("RawMessageDelivery").attributeValue("true"));
        return url;
    }

    private static List<Message> receive(String queueUrl, int expected) {
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.size() < expected && System.nanoTime() < deadline) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            for (Message message : batch) {
                received.add(message);
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return received;
    }

    private Map<String, AttributeValue> item(String pk) {
        return dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk)))).item();
    }

    /** moto's record of a sent mail: {@code GET /moto-api/data.json} → {@code ses.Message[]}. */
    private static JsonNode sentMail(String messageId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode message : JSON.readTree(response.body()).path("ses").path("Message")) {
            if (messageId.equals(message.path("id").asText())) {
                return message;
            }
        }
        throw new AssertionError("moto recorded no sent mail with id " + messageId + ": " + response.body());
    }

    @Nested
    class SnsCustomerNotificationsKeepsTheContract extends CustomerNotificationsContract {
        private final SnsCustomerNotifications topic;
        private final String emailQueue;

        SnsCustomerNotificationsKeepsTheContract() {
            int n = RESOURCES.incrementAndGet();
            String topicArn = sns.createTopic(r -> r.name("customer-notifications-contract-" + n)).topicArn();
            this.emailQueue = subscribedQueue(topicArn, "email-contract-" + n, "{\"channel\": [\"email\"]}");
            this.topic = new SnsCustomerNotifications(sns, topicArn);
        }

        @Override
        protected CustomerNotifications topic() {
            return topic;
        }

        @Override
        protected List<CustomerNotification> receivedByEmailSubscriber(int expected) {
            return receive(emailQueue, expected).stream().map(message -> {
                try {
                    return JSON.readValue(message.body(), CustomerNotification.class);
                } catch (java.io.IOException unreadable) {
                    throw new AssertionError("the subscriber received no notification: " + message.body(), unreadable);
                }
            }).toList();
        }
    }

    @Nested
    class DynamoDbContactBookKeepsTheContract extends ContactBookContract {
        @Override
        protected ContactBook emptyContactBook() {
            return new DynamoDbContactBook(dynamo, table, Fixtures.CLOCK, Duration.ofDays(90));
        }
    }

    @Nested
    class DynamoDbDeliveryLogKeepsTheContract extends DeliveryLogContract {
        @Override
        protected DeliveryLog emptyDeliveryLog() {
            return new DynamoDbDeliveryLog(dynamo, table, Duration.ofDays(35));
        }
    }

    @Nested
    class DynamoDbRecordedSmsGatewayKeepsTheContract extends SmsGatewayContract {
        @Override
        protected SmsGateway freshGateway() {
            return new DynamoDbRecordedSmsGateway(dynamo, table, Fixtures.CLOCK, Duration.ofDays(90));
        }
    }

    @Nested
    class SesV2EmailSenderKeepsTheContract extends EmailSenderContract {
        @Override
        protected EmailSender sender() {
            return new SesV2EmailSender(ses, SENDER);
        }
    }
}
