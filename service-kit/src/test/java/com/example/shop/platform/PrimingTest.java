package com.example.shop.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.platform.testing.LambdaTestContext;
import com.example.shop.platform.testing.StandardOutput;
import com.example.shop.platform.testing.TestObservability;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrimingTest {

    private static final String SAMPLE = "priming/sample-sqs-event.json";

    /** Stands in for AWS: every request that reaches it would have reached a real table or bus. */
    private HttpServer realEndpoint;
    private final AtomicInteger realRequests = new AtomicInteger();
    private DynamoDbClient dynamo;
    private EventBridgeClient events;

    @BeforeEach
    void start_the_real_endpoint() throws IOException {
        realEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        realEndpoint.createContext("/", exchange -> {
            realRequests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes());
            exchange.close();
        });
        realEndpoint.start();
        AwsClients clients = new AwsClients(Map.of("AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + realEndpoint.getAddress().getPort()));
        dynamo = clients.build(DynamoDbClient.builder());
        events = clients.build(EventBridgeClient.builder());
    }

    @AfterEach
    void stop_the_real_endpoint() {
        realEndpoint.stop(0);
    }

    @Test
    void a_primed_function_writes_and_publishes_nothing_and_its_sdk_calls_never_leave_the_loopback_stand_in() {
        SampleHandler handler = new SampleHandler(dynamo, events, TestObservability.of("test"));

        Priming.Outcome outcome = Priming.of(handler, SAMPLE).prime();

        assertThat(outcome).isEqualTo(new Priming.Outcome.Primed(2));
        assertThat(handler.received).containsExactly("priming-message-1");
        assertThat(handler.published).isTrue();
        assertThat(realRequests).hasValue(0);
    }

    @Test
    void outside_priming_the_same_clients_call_their_endpoint() {
        new SampleHandler(dynamo, events, TestObservability.of("test")).handleRequest(new SQSEvent(), null);

        assertThat(realRequests).hasValue(2);
    }

    @Test
    void priming_leaves_no_log_line_and_no_metric_line() {
        SampleHandler handler = new SampleHandler(dynamo, events, TestObservability.of("test"));

        StandardOutput output = StandardOutput.of(() -> Priming.of(handler, SAMPLE).prime());

        assertThat(output.logLines()).isEmpty();
        assertThat(output.metricLines()).isEmpty();
        assertThat(handler.received).isNotEmpty();
    }

    @Test
    void the_cold_start_is_still_counted_by_the_first_real_invocation_after_priming() {
        SampleHandler handler = new SampleHandler(dynamo, events, TestObservability.of("test"));
        Priming.of(handler, SAMPLE).prime();

        StandardOutput first = StandardOutput.of(() -> handler.handleRequest(new SQSEvent(), new LambdaTestContext("SampleFunction")));
        StandardOutput second = StandardOutput.of(() -> handler.handleRequest(new SQSEvent(), new LambdaTestContext("SampleFunction")));

        assertThat(first.metric("ColdStart")).hasSize(1);
        assertThat(second.metric("ColdStart")).isEmpty();
    }

    @Test
    void a_handler_that_fails_on_the_sample_does_not_fail_the_checkpoint() {
        Priming.Outcome outcome = Priming.of(new RefusingHandler(), SAMPLE).prime();

        assertThat(outcome).isInstanceOf(Priming.Outcome.Failed.class);
        assertThat(((Priming.Outcome.Failed) outcome).reason()).contains("refused the sample");
    }

    @Test
    void a_missing_sample_fails_at_init_naming_it() {
        SampleHandler handler = new SampleHandler(dynamo, events, TestObservability.of("test"));

        assertThatThrownBy(() -> Priming.register(handler, "priming/nowhere.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("priming/nowhere.json");
    }

    /** A function's hot path in small: logs, counts a business metric, writes an item, publishes an event. */
    static final class SampleHandler implements RequestHandler<SQSEvent, String> {
        private static final Logger LOG = LoggerFactory.getLogger(SampleHandler.class);
        private final DynamoDbClient dynamo;
        private final EventBridgeClient events;
        private final Observability observability;
        final List<String> received = new ArrayList<>();
        boolean published;

        SampleHandler(DynamoDbClient dynamo, EventBridgeClient events, Observability observability) {
            this.dynamo = dynamo;
            this.events = events;
            this.observability = observability;
        }

        @Override
        public String handleRequest(SQSEvent event, Context context) {
            return observability.handle(context, () -> {
                if (event.getRecords() != null) {
                    event.getRecords().forEach(m -> received.add(m.getMessageId()));
                }
                LOG.info("Handling {} message(s)", received.size());
                observability.metrics().count("OrdersPlaced", "order-1", "correlation-1");
                dynamo.putItem(r -> r.tableName("orders").item(Map.of("pk", AttributeValue.fromS("order-1"))));
                published = Integer.valueOf(0).equals(events.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                        .eventBusName("shop").source("shop.test").detailType("Sample").detail("{}").build()))
                        .failedEntryCount());
                return "done";
            });
        }
    }

    /** A handler that refuses every event. */
    static final class RefusingHandler implements RequestHandler<SQSEvent, String> {
        @Override
        public String handleRequest(SQSEvent event, Context context) {
            throw new IllegalStateException("refused the sample");
        }
    }
}
