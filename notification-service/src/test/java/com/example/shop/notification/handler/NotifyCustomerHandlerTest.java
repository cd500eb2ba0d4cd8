package com.example.shop.notification.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventTypes;
import com.example.shop.notification.adapter.SnsCustomerNotifications;
import com.example.shop.notification.domain.CustomerMessages;
import com.example.shop.notification.domain.NotifyCustomer;
import com.example.shop.notification.testing.Fixtures;
import com.example.shop.notification.testing.InMemoryContactBook;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.notification.testing.RecordingSnsClient;
import com.example.shop.events.EventIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notify-customer function fed the producers' golden events as EventBridge delivers them to
 * its queue, publishing through the real SNS adapter into a recording client.
 */
class NotifyCustomerHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "arn:aws:sns:eu-central-1:123456789012:shop-customer-notifications-dev";
    private static final String ORDER_ID = "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e";

    private final InMemoryContactBook contacts = new InMemoryContactBook();
    private final RecordingSnsClient sns = new RecordingSnsClient();
    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    private final NotifyCustomerHandler handler = new NotifyCustomerHandler(
            new NotifyCustomer(contacts, CustomerMessages.fromClasspath(), new SnsCustomerNotifications(sns, TOPIC),
                    Fixtures.CLOCK),
            Fixtures.CODEC, processed, TestObservability.of("notification"));
    private final EventEnvelope<DomainEvent> placed = Fixtures.golden("OrderPlaced");

    static Stream<String> customerFacingTypes() {
        return CustomerMessages.EVENT_TYPES.stream().map(EventTypes::eventTypeOf);
    }

    @ParameterizedTest
    @MethodSource("customerFacingTypes")
    void each_customer_facing_event_publishes_one_notification_with_channel_and_event_type(String eventType)
            throws Exception {
        handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());
        EventEnvelope<DomainEvent> event = Fixtures.golden(eventType);
        int before = sns.published().size();

        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(event), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sns.published()).hasSize(eventType.equals("OrderPlaced") ? before : before + 1);
        PublishRequest request = sns.published().getLast();
        assertThat(request.topicArn()).isEqualTo(TOPIC);
        assertThat(request.messageAttributes()).containsOnlyKeys("channel", "eventType");
        assertThat(request.messageAttributes().get("channel"))
                .isEqualTo(MessageAttributeValue.builder().dataType("String").stringValue("email").build());
        assertThat(request.messageAttributes().get("eventType"))
                .isEqualTo(MessageAttributeValue.builder().dataType("String").stringValue(eventType).build());
        JsonNode body = JSON.readTree(request.message());
        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly(
                "notificationId", "orderId", "customerId", "email", "subject", "body", "eventType", "correlationId");
        assertThat(body.get("notificationId").asText())
                .isEqualTo(EventIds.derive(event.eventId(), "CustomerNotification"));
        assertThat(body.get("orderId").asText()).isEqualTo(ORDER_ID);
        assertThat(body.get("customerId").asText()).isEqualTo("c0a8012e-7f3b-4d2a-9e61-5b8f2c4d9a17");
        assertThat(body.get("email").asText()).isEqualTo(Fixtures.EMAIL);
        assertThat(body.get("eventType").asText()).isEqualTo(eventType);
        assertThat(body.get("subject").asText()).contains(ORDER_ID);
        assertThat(body.get("body").asText()).contains(ORDER_ID);
    }

    @Test
    void a_placed_order_stores_the_customers_contact() {
        handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());

        assertThat(contacts.find(ORDER_ID)).hasValueSatisfying(contact -> {
            assertThat(contact.email()).isEqualTo(Fixtures.EMAIL);
            assertThat(contact.customerId()).isEqualTo("c0a8012e-7f3b-4d2a-9e61-5b8f2c4d9a17");
        });
    }

    @Test
    void a_duplicate_event_publishes_one_notification() {
        handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());
        SQSBatchResponse duplicate = handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());

        assertThat(duplicate.getBatchItemFailures()).isEmpty();
        assertThat(sns.published()).hasSize(1);
    }

    @Test
    void a_redelivery_after_a_crash_publishes_the_same_notification_again() {
        handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());
        // The function died after publishing but before marking the event processed.
        processed.forget();

        handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());

        assertThat(sns.published()).hasSize(2);
        assertThat(sns.published().get(1)).isEqualTo(sns.published().get(0));
    }

    @Test
    void an_event_before_its_order_placed_fails_its_message_and_succeeds_once_the_contact_is_known() {
        EventEnvelope<DomainEvent> shipped = Fixtures.golden("ShipmentScheduled");

        SQSBatchResponse early = handler.handleRequest(Fixtures.sqs(shipped), Fixtures.context());

        assertThat(early.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).startsWith("msg-" + shipped.eventId()));
        assertThat(sns.published()).isEmpty();

        handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());
        SQSBatchResponse retried = handler.handleRequest(Fixtures.sqs(shipped), Fixtures.context());

        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(sns.published()).extracting(r -> r.messageAttributes().get("eventType").stringValue())
                .containsExactly("OrderPlaced", "ShipmentScheduled");
    }

    @Test
    void only_the_early_event_of_a_batch_is_reported_for_redelivery() {
        EventEnvelope<DomainEvent> refunded = Fixtures.golden("PaymentRefunded");

        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(refunded, placed), Fixtures.context());

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).startsWith("msg-" + refunded.eventId()));
        assertThat(sns.published()).singleElement()
                .satisfies(r -> assertThat(r.messageAttributes().get("eventType").stringValue()).isEqualTo("OrderPlaced"));
    }

    @Test
    void a_topic_failure_fails_the_message_and_the_retry_publishes() {
        sns.failNext(1);

        SQSBatchResponse failed = handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());
        SQSBatchResponse retried = handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());

        assertThat(failed.getBatchItemFailures()).hasSize(1);
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(sns.published()).hasSize(1);
    }

    @Test
    void an_event_customers_do_not_hear_about_is_acknowledged_without_a_notification() {
        handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());

        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(Fixtures.golden("StockReserved")), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sns.published()).hasSize(1);
    }

    @Test
    void a_cancelled_story_delivered_twice_over_sends_each_message_once_and_no_on_its_way() {
        List<EventEnvelope<DomainEvent>> story = Stream.of("OrderPlaced", "PaymentCharged", "OrderCancelled",
                "ShipmentScheduled", "PaymentRefunded").map(Fixtures::golden).toList();

        for (EventEnvelope<DomainEvent> event : story) {
            assertThat(handler.handleRequest(Fixtures.sqs(event), Fixtures.context()).getBatchItemFailures()).isEmpty();
            assertThat(handler.handleRequest(Fixtures.sqs(event), Fixtures.context()).getBatchItemFailures()).isEmpty();
        }

        assertThat(sns.published()).extracting(r -> r.messageAttributes().get("eventType").stringValue())
                .containsExactly("OrderPlaced", "PaymentCharged", "OrderCancelled", "PaymentRefunded");
    }

    @Test
    void a_progress_message_after_the_close_is_acknowledged_and_remembered_as_processed() {
        EventEnvelope<DomainEvent> shipped = Fixtures.golden("ShipmentScheduled");
        handler.handleRequest(Fixtures.sqs(placed, Fixtures.golden("OrderCancelled")), Fixtures.context());

        SQSBatchResponse late = handler.handleRequest(Fixtures.sqs(shipped), Fixtures.context());

        assertThat(late.getBatchItemFailures()).isEmpty();
        assertThat(processed.contains(NotifyCustomerHandler.CONSUMER, shipped.eventId())).isTrue();
        assertThat(sns.published()).hasSize(2);
    }

    @Test
    void a_final_message_that_meets_a_progress_message_being_handed_over_fails_its_message_for_later() {
        EventEnvelope<DomainEvent> cancelled = Fixtures.golden("OrderCancelled");
        handler.handleRequest(Fixtures.sqs(placed), Fixtures.context());
        contacts.progressClaimedElsewhere(ORDER_ID, "n-shipped", Fixtures.NOW);

        SQSBatchResponse response = handler.handleRequest(Fixtures.sqs(cancelled), Fixtures.context());

        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).startsWith("msg-" + cancelled.eventId()));
        assertThat(sns.published()).hasSize(1);
    }
}
