package com.example.shop.localcloud.contract;

import com.example.shop.localcloud.iam.CallRecording;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.EventTypes;
import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.emulator.EmulatorExtension;
import com.example.shop.localcloud.runtime.InvocationListener;
import com.example.shop.localcloud.runtime.LambdaRuntime;
import com.example.shop.notification.adapter.SnsCustomerNotifications;
import com.example.shop.notification.domain.CustomerMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The customer notifications fan-out: which channel queue receives which notification, proven on
 * the emulator with the subscriptions and filter policies of {@code infra/template.yaml}.
 *
 * <p>The notification service publishes every customer notification to
 * {@code CustomerNotificationsTopic} with two message attributes, {@code channel} (always
 * {@code email}) and {@code eventType}; each channel's subscription picks its share by those
 * attributes alone. The channels' functions are paused, so the test itself reads what lands in
 * their queues. A receive a poller already had in flight when its function was paused can still
 * hand the function a message (which it rejects as no notification, logging an error, and which
 * the queue then redelivers): the runtime's invocation listener records those deliveries too, so
 * nothing that reached a queue goes unseen.
 */
class SnsFilterPoliciesIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final String EMAIL = "EmailQueue";
    private static final String SHIPMENT_SMS = "ShipmentSmsQueue";
    private static final Map<String, String> CHANNEL_FUNCTIONS =
            Map.of(EMAIL, "SendEmailFunction", SHIPMENT_SMS, "SendShipmentSmsFunction");
    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A notification as the topic sees it: its message attributes. */
    record Attributes(String channel, String eventType) {

        /** A body that names the notification, so that each queue's share can be told apart. */
        String probe() {
            return channel + "/" + eventType;
        }
    }

    /**
     * Which channel queues each notification must reach, and no others. Every customer-facing
     * event is e-mailed; only a scheduled shipment is also texted, with the carrier and tracking
     * number. A notification meant for another channel is never e-mailed.
     */
    private static final Map<Attributes, Set<String>> MUST_REACH = Map.ofEntries(
            entry(new Attributes("email", "OrderPlaced"), Set.of(EMAIL)),
            entry(new Attributes("email", "OrderCancelled"), Set.of(EMAIL)),
            entry(new Attributes("email", "StockUnavailable"), Set.of(EMAIL)),
            entry(new Attributes("email", "PaymentCharged"), Set.of(EMAIL)),
            entry(new Attributes("email", "PaymentDeclined"), Set.of(EMAIL)),
            entry(new Attributes("email", "PaymentRefunded"), Set.of(EMAIL)),
            entry(new Attributes("email", "PaymentFailed"), Set.of(EMAIL)),
            entry(new Attributes("email", "ShipmentFailed"), Set.of(EMAIL)),
            entry(new Attributes("email", "ShipmentScheduled"), Set.of(EMAIL, SHIPMENT_SMS)),
            entry(new Attributes("sms", "OrderPlaced"), Set.of()),
            // the text channel selects on the event alone: every shipment update is texted
            entry(new Attributes("sms", "ShipmentScheduled"), Set.of(SHIPMENT_SMS)));

    private static LocalCloud cloud;
    private static SnsClient sns;
    private static SqsClient sqs;
    /** Bodies the runtime handed to the channels' functions despite the pause, by queue name. */
    private static final Map<String, Set<String>> TAKEN_BY_FUNCTIONS = new ConcurrentHashMap<>();
    /** Which probes each channel queue received, by the queue's logical id. */
    private static final Map<String, Set<String>> RECEIVED = new LinkedHashMap<>();

    @BeforeAll
    static void publishEveryNotificationToTheTopic() {
        InvocationListener recorder = invocation -> {
            if (invocation.event() instanceof SQSEvent event && invocation.trigger().startsWith("sqs:")) {
                String queueName = invocation.trigger().substring("sqs:".length());
                event.getRecords().forEach(record -> TAKEN_BY_FUNCTIONS
                        .computeIfAbsent(queueName, key -> ConcurrentHashMap.newKeySet()).add(record.getBody()));
            }
        };
        cloud = LocalCloud.startOn(EMULATOR.emulator(), EMULATOR.python(),
                LocalCloud.Options.forTemplate(ContractTemplate.path())
                        .withRuntime(LambdaRuntime.Options.defaults().withListener(recorder)));
        // the real template's functions poll here too: their calls go into the least-privilege record
        CallRecording.remember(cloud, SnsFilterPoliciesIT.class);
        CHANNEL_FUNCTIONS.values().forEach(cloud.runtime()::pause);
        sns = cloud.clients().build(SnsClient.builder());
        sqs = cloud.clients().build(SqsClient.builder());

        String topic = cloud.system().resource("CustomerNotificationsTopic");
        MUST_REACH.keySet().forEach(attributes -> sns.publish(r -> r.topicArn(topic)
                .message(body(attributes))
                .messageAttributes(Map.of(
                        SnsCustomerNotifications.CHANNEL_ATTRIBUTE, text(attributes.channel()),
                        SnsCustomerNotifications.EVENT_TYPE_ATTRIBUTE, text(attributes.eventType())))));

        collectUntilEveryExpectedDeliveryArrived();
    }

    @AfterAll
    static void stop() {
        if (sns != null) {
            sns.close();
            sqs.close();
        }
        if (cloud != null) {
            cloud.close();
            CallRecording.write();
        }
    }

    static Stream<Arguments> notifications() {
        return MUST_REACH.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.probe().compareTo(b.probe())))
                .map(row -> Arguments.of(row.getKey().channel(), row.getKey().eventType(), new TreeSet<>(row.getValue())));
    }

    @ParameterizedTest(name = "channel={0}, eventType={1} reaches {2}")
    @MethodSource("notifications")
    void each_notification_reaches_exactly_its_channel_queues(String channel, String eventType, Set<String> mustReach) {
        String probe = new Attributes(channel, eventType).probe();

        Set<String> reached = RECEIVED.entrySet().stream().filter(queue -> queue.getValue().contains(probe))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));

        assertThat(reached).as("the channel queues that received channel=%s, eventType=%s", channel, eventType)
                .containsExactlyInAnyOrderElementsOf(mustReach);
    }

    @Test
    void every_event_the_customer_hears_of_is_in_the_table_as_an_email() {
        List<String> emailed = MUST_REACH.keySet().stream().filter(attributes -> attributes.channel().equals("email"))
                .map(Attributes::eventType).toList();

        assertThat(emailed).containsExactlyInAnyOrderElementsOf(
                CustomerMessages.EVENT_TYPES.stream().map(EventTypes::eventTypeOf).toList());
    }

    @Test
    void the_topic_fans_out_to_the_channel_queues_only() {
        String topic = cloud.system().resource("CustomerNotificationsTopic");

        List<String> endpoints = sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions().stream()
                .map(Subscription::endpoint).toList();

        assertThat(endpoints).as("the topic's subscribers: a new one needs an expectation in this test")
                .containsExactlyInAnyOrder(queueArn(EMAIL), queueArn(SHIPMENT_SMS));
    }

    /**
     * Reads both channel queues until every expected delivery has arrived or the deadline passes,
     * then once more, so that a delivery that must not happen has had its chance to show up.
     */
    private static void collectUntilEveryExpectedDeliveryArrived() {
        CHANNEL_FUNCTIONS.keySet().forEach(queue -> RECEIVED.put(queue, new HashSet<>()));
        long deadline = System.nanoTime() + DELIVERY_DEADLINE.toNanos();
        while (!everyExpectedDeliveryArrived() && System.nanoTime() < deadline) {
            receiveOnce();
        }
        receiveOnce();
    }

    private static boolean everyExpectedDeliveryArrived() {
        return MUST_REACH.entrySet().stream().allMatch(row -> row.getValue().stream()
                .allMatch(queue -> RECEIVED.get(queue).contains(row.getKey().probe())));
    }

    private static void receiveOnce() {
        for (String queue : RECEIVED.keySet()) {
            String url = queueUrl(queue);
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            for (Message message : messages) {
                RECEIVED.get(queue).add(probeOf(message.body()));
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
            TAKEN_BY_FUNCTIONS.getOrDefault(queueName(queue), Set.of())
                    .forEach(body -> RECEIVED.get(queue).add(probeOf(body)));
        }
    }

    private static String queueName(String logicalId) {
        String url = cloud.system().resource(logicalId);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String queueUrl(String logicalId) {
        return sqs.getQueueUrl(r -> r.queueName(queueName(logicalId))).queueUrl();
    }

    private static String queueArn(String logicalId) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl(logicalId)).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static String body(Attributes attributes) {
        return JSON.createObjectNode().put("probe", attributes.probe()).toString();
    }

    private static String probeOf(String body) {
        try {
            return JSON.readTree(body).path("probe").asText(body);
        } catch (IOException e) {
            throw new UncheckedIOException("a channel queue received a message this test did not publish: " + body, e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
