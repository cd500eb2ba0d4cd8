package com.example.shop.notification.handler;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.notification.adapter.SnsCustomerNotifications;
import com.example.shop.notification.domain.CustomerMessages;
import com.example.shop.notification.domain.NotifyCustomer;
import com.example.shop.notification.testing.Fixtures;
import com.example.shop.notification.testing.InMemoryContactBook;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.notification.testing.RecordingSnsClient;
import com.example.shop.platform.testing.LambdaTestContext;
import com.example.shop.platform.testing.StandardOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the notify-customer function writes while it handles an event: log lines that name the
 * saga, the event, the order and the invocation, and no business metric (notifications have none;
 * the only metric line is the execution environment's cold start).
 */
class NotifyCustomerObservabilityTest {

    private static final String TOPIC = "arn:aws:sns:eu-central-1:123456789012:shop-customer-notifications-dev";
    private static final String ORDER_ID = "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e";

    private final NotifyCustomerHandler handler = new NotifyCustomerHandler(
            new NotifyCustomer(new InMemoryContactBook(), CustomerMessages.fromClasspath(),
                    new SnsCustomerNotifications(new RecordingSnsClient(), TOPIC), Fixtures.CLOCK),
            Fixtures.CODEC, new InMemoryProcessedEvents(), TestObservability.of("notification"));
    private final EventEnvelope<DomainEvent> placed = Fixtures.golden("OrderPlaced");

    @Test
    void the_published_notification_is_logged_with_the_correlation_the_event_and_the_order() {
        LambdaTestContext context = new LambdaTestContext("notify-customer");

        StandardOutput output = StandardOutput.of(() -> handler.handleRequest(Fixtures.sqs(placed), context));

        JsonNode published = output.logLines().stream()
                .filter(line -> line.path("message").asText().startsWith("Customer notification"))
                .findFirst().orElseThrow();
        assertThat(published.path("correlationId").asText()).isEqualTo(placed.metadata().correlationId());
        assertThat(published.path("eventId").asText()).isEqualTo(placed.eventId());
        assertThat(published.path("orderId").asText()).isEqualTo(ORDER_ID);
        assertThat(published.path("service").asText()).isEqualTo("notification");
        assertThat(published.path("function_name").asText()).isEqualTo("notify-customer");
        assertThat(published.path("function_request_id").asText()).isEqualTo(context.getAwsRequestId());
    }

    @Test
    void the_only_metric_is_the_cold_start_of_the_first_invocation() {
        StandardOutput first = StandardOutput.of(() -> handler.handleRequest(Fixtures.sqs(placed), Fixtures.context()));
        StandardOutput second = StandardOutput.of(() ->
                handler.handleRequest(Fixtures.sqs(Fixtures.golden("PaymentCharged")), Fixtures.context()));

        assertThat(first.metricLines()).singleElement().satisfies(line -> assertThat(line.has("ColdStart")).isTrue());
        assertThat(second.metricLines()).isEmpty();
    }
}
