package com.example.shop.localcloud.runtime;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.emulator.EmulatorExtension;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.example.shop.localcloud.runtime.fixture.Recorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the local runtime plays Lambda faithfully, on moto (or LocalStack with
 * {@code -Dlocal.backend=localstack}), with the fixture template
 * {@code runtime-fixture-template.yaml}: one function per event-source kind whose handlers record
 * what they receive.
 */
class LambdaRuntimeIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static LocalCloud cloud;
    private static SqsClient sqs;
    private static HttpClient http;

    @BeforeAll
    static void deploy() {
        var template = PythonEnvironment.locate().root().resolve("local-cloud/src/test/resources/runtime-fixture-template.yaml");
        cloud = LocalCloud.startOn(EMULATOR.emulator(), EMULATOR.python(), LocalCloud.Options.forTemplate(template));
        sqs = cloud.clients().build(SqsClient.builder());
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        cloud.close();
        sqs.close();
        http.close();
    }

    @BeforeEach
    void forgetEarlierDeliveries() {
        Recorded.clear();
    }

    @Test
    void a_partial_batch_failure_leaves_exactly_the_failed_message_for_redelivery() {
        String run = UUID.randomUUID().toString();
        sendBatch("ok-a-" + run, "fail-" + run, "ok-b-" + run);

        await(() -> Recorded.sqsWithBody("fail-" + run).size() >= 2, "the failed message is delivered again");

        assertThat(Recorded.sqsWithBody("ok-a-" + run)).hasSize(1);
        assertThat(Recorded.sqsWithBody("ok-b-" + run)).hasSize(1);
        var failed = Recorded.sqsWithBody("fail-" + run);
        assertThat(failed.get(0).receiveCount()).isEqualTo(1);
        assertThat(failed.get(1).receiveCount()).isEqualTo(2);
        assertThat(failed.get(1).batchSize()).as("the redelivery carries the failed message alone").isEqualTo(1);
    }

    @Test
    void the_runtime_settles_only_once_a_failing_message_has_used_up_its_receives() {
        cloud.runtime().awaitSettled(Duration.ofSeconds(30));
        String body = "fail-settle-" + UUID.randomUUID();
        sendBatch(body);

        assertThat(cloud.runtime().isSettled()).as("a message is waiting in a mapped queue").isFalse();
        cloud.runtime().awaitSettled(Duration.ofSeconds(30));

        assertThat(Recorded.sqsWithBody(body)).as("every receive the redrive policy allows, then the DLQ")
                .extracting(Recorded.SqsDelivery::receiveCount).containsExactly(1, 2, 3);
        assertThat(queueDepth("WorkQueue")).isZero();
        assertThat(cloud.runtime().isSettled()).as("nothing happened since").isTrue();
        // the DLQ is unmapped (a settled system may hold dead letters); empty it for the tests that watch it
        String dlq = queueUrl("WorkDlq");
        await(() -> sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                .stream().filter(m -> m.body().equals(body))
                .peek(m -> sqs.deleteMessage(d -> d.queueUrl(dlq).receiptHandle(m.receiptHandle())))
                .findAny().isPresent(), "the dead letter is taken off WorkDlq");
    }

    @Test
    void a_message_that_fails_max_receive_count_times_lands_in_the_dlq() {
        String body = "fail-dlq-" + UUID.randomUUID();
        sendBatch(body);
        String dlq = queueUrl("WorkDlq");

        List<Message> inDlq = new ArrayList<>();
        await(() -> {
            inDlq.addAll(sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
            return inDlq.stream().anyMatch(m -> m.body().equals(body));
        }, "the message reaches the DLQ");

        assertThat(Recorded.sqsWithBody(body)).extracting(Recorded.SqsDelivery::receiveCount)
                .as("delivered maxReceiveCount (3) times, then redriven by the queue").containsExactly(1, 2, 3);
    }

    @Test
    void an_injected_throw_sends_a_message_to_the_dlq_and_the_redrive_brings_it_back_once_faults_are_off()
            throws Exception {
        String body = "ok-injected-" + UUID.randomUUID();
        assertThat(send("PUT", "/_local/faults", "{\"target\":\"WorkFunction\",\"kind\":\"THROW\",\"rate\":1.0}")
                .statusCode()).isEqualTo(200);
        try {
            sendBatch(body);
            await(() -> workDlq(queuesListing()).path("visible").asInt() >= 1,
                    "the message fails maxReceiveCount (3) times and reaches WorkDlq");
        } finally {
            assertThat(send("DELETE", "/_local/faults", null).body()).isEqualTo("{\"faults\":[]}");
        }
        int deliveredWhileFailing = Recorded.sqsWithBody(body).size();

        HttpResponse<String> redrive = send("POST", "/_local/queues/" + dlqName() + "/redrive", null);

        assertThat(redrive.statusCode()).as(redrive.body()).isEqualTo(200);
        var answer = JSON.readTree(redrive.body());
        assertThat(answer.path("how").asText()).as("neither emulator has StartMessageMoveTask").isEqualTo("LOCAL_MOVE");
        assertThat(answer.path("moved").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(answer.path("destinations").get(0).asText()).endsWith(queueName("WorkQueue"));
        await(() -> Recorded.sqsWithBody(body).size() > deliveredWhileFailing, "the redriven message is delivered again");
        assertThat(Recorded.sqsWithBody(body).getLast().receiveCount()).as("a moved message is a new message").isEqualTo(1);
        assertThat(cloud.faults().injected().get(com.example.shop.localcloud.faults.FaultKind.THROW)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void redriving_a_queue_that_has_no_dlq_or_no_queue_is_a_problem() throws Exception {
        HttpResponse<String> noDlq = send("POST", "/_local/queues/" + queueName("StreamFailures") + "/redrive", null);
        HttpResponse<String> noQueue = send("POST", "/_local/queues/NoSuchQueue/redrive", null);

        assertThat(noDlq.statusCode()).isEqualTo(400);
        assertThat(noQueue.statusCode()).isEqualTo(404);
        assertThat(noQueue.headers().firstValue("content-type")).contains("application/problem+json");
    }

    @Test
    void an_event_that_does_not_match_the_rule_pattern_never_reaches_the_rules_queue() {
        String run = UUID.randomUUID().toString();
        try (EventBridgeClient events = cloud.clients().build(EventBridgeClient.builder())) {
            String bus = cloud.system().resource("Bus");
            var response = events.putEvents(r -> r.entries(
                    entry(bus, "shop.orders", "OrderCancelled", "wrong-type-" + run),
                    entry(bus, "shop.payments", "OrderPlaced", "wrong-source-" + run),
                    entry(bus, "shop.orders", "OrderPlaced", "match-" + run)));
            assertThat(response.failedEntryCount()).isZero();
        }

        await(() -> !Recorded.sqsWithBody("match-" + run).isEmpty(), "the matching event is delivered");
        // PutEvents routed all three synchronously; once the queue is drained, anything that had
        // reached it would have been delivered too
        await(() -> queueDepth("WorkQueue") == 0, "the rule's queue is drained");

        assertThat(Recorded.sqsWithBody("wrong-type-" + run)).isEmpty();
        assertThat(Recorded.sqsWithBody("wrong-source-" + run)).isEmpty();
        assertThat(Recorded.sqsWithBody("match-" + run)).hasSize(1);
    }

    private int queueDepth(String logicalId) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl(logicalId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void a_stream_insert_reaches_its_handler_with_the_new_image() {
        String key = "item-" + UUID.randomUUID();
        try (DynamoDbClient dynamo = cloud.clients().build(DynamoDbClient.builder())) {
            dynamo.putItem(r -> r.tableName(cloud.system().resource("ItemsTable")).item(Map.of(
                    "pk", AttributeValue.fromS(key), "colour", AttributeValue.fromS("teal"),
                    "count", AttributeValue.fromN("3"))));
        }

        await(() -> Recorded.STREAM.stream().anyMatch(d -> key.equals(d.keys().get("pk"))), "the INSERT is delivered");

        var delivery = Recorded.STREAM.stream().filter(d -> key.equals(d.keys().get("pk"))).findFirst().orElseThrow();
        assertThat(delivery.eventName()).isEqualTo("INSERT");
        assertThat(delivery.newImage()).containsEntry("colour", "teal").containsEntry("count", "3");
    }

    @Test
    void a_poison_stream_record_is_bisected_out_and_sent_to_the_on_failure_destination() {
        String run = UUID.randomUUID().toString();
        try (DynamoDbClient dynamo = cloud.clients().build(DynamoDbClient.builder())) {
            String table = cloud.system().resource("ItemsTable");
            for (String key : List.of("before-" + run, "poison-" + run, "after-" + run)) {
                var item = new java.util.HashMap<String, AttributeValue>();
                item.put("pk", AttributeValue.fromS(key));
                if (key.startsWith("poison")) {
                    item.put("poison", AttributeValue.fromBool(true));
                }
                dynamo.putItem(r -> r.tableName(table).item(item));
            }
        }
        String failures = queueUrl("StreamFailures");
        List<Message> destination = new ArrayList<>();

        await(() -> {
            destination.addAll(sqs.receiveMessage(r -> r.queueUrl(failures).waitTimeSeconds(1)).messages());
            return !destination.isEmpty()
                    && Recorded.STREAM.stream().anyMatch(d -> ("after-" + run).equals(d.keys().get("pk")));
        }, "the poison record is given up on and the records after it are processed");

        assertThat(destination).hasSize(1);
        assertThat(destination.getFirst().body()).contains("\"batchSize\":1").contains("RetryAttemptsExhausted");
        assertThat(Recorded.STREAM.stream().filter(d -> ("before-" + run).equals(d.keys().get("pk")))).isNotEmpty();
    }

    @Test
    void a_request_without_a_valid_token_gets_a401_before_the_handler_runs() throws Exception {
        var identity = cloud.identity();
        var otherKeys = new com.example.shop.localcloud.auth.LocalIdentityProvider(LocalCloud.LOCAL_ISSUER,
                LocalCloud.LOCAL_AUDIENCE, java.time.Clock.systemUTC());
        String expired = identity.issueIdToken("customer-9", "c9@example.com", List.of("customer"),
                Duration.ofMinutes(-5)).bearer();
        String foreign = otherKeys.issueCustomerToken("customer-9", "c9@example.com").bearer();

        assertThat(get("/whoami/1", null).statusCode()).isEqualTo(401);
        assertThat(get("/whoami/1", expired).statusCode()).isEqualTo(401);
        assertThat(get("/whoami/1", foreign).statusCode()).isEqualTo(401);
        assertThat(Recorded.HTTP).as("the handler never ran").isEmpty();

        var ok = get("/whoami/42", identity.issueCustomerToken("customer-7", "c7@example.com").bearer());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"sub\":\"customer-7\"").contains("\"id\":\"42\"")
                .contains("\"table\":\"" + cloud.system().resource("ItemsTable") + "\"")
                .contains("\"function\":\"WhoAmIFunction\"");
        assertThat(Recorded.HTTP).containsExactly("customer-7");
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(cloud.apiBase() + path)).GET();
        if (bearer != null) {
            request.header("authorization", bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static PutEventsRequestEntry entry(String bus, String source, String type, String marker) {
        return PutEventsRequestEntry.builder().eventBusName(bus).source(source).detailType(type)
                .detail("{\"marker\":\"" + marker + "\"}").build();
    }

    private void sendBatch(String... bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies[i]).build());
        }
        sqs.sendMessageBatch(r -> r.queueUrl(queueUrl("WorkQueue")).entries(entries));
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(cloud.apiBase() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String queuesListing() {
        try {
            HttpResponse<String> response = get("/_local/queues", null);
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new AssertionError("GET /_local/queues failed", e);
        }
    }

    /** WorkQueue's entry in {@code GET /_local/queues}: its DLQ as the listing shows it. */
    private com.fasterxml.jackson.databind.JsonNode workDlq(String listing) {
        try {
            for (var queue : JSON.readTree(listing).path("queues")) {
                if (queue.path("name").asText().equals(queueName("WorkQueue"))) {
                    return queue.path("dlq");
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("GET /_local/queues is not JSON: " + listing, e);
        }
        throw new AssertionError("GET /_local/queues does not list WorkQueue: " + listing);
    }

    private String dlqName() {
        return queueName("WorkDlq");
    }

    private String queueName(String logicalId) {
        String url = queueUrl(logicalId);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String queueUrl(String logicalId) {
        String url = cloud.system().resource(logicalId);
        return sqs.getQueueUrl(r -> r.queueName(url.substring(url.lastIndexOf('/') + 1))).queueUrl();
    }

    /** Bounded polling: the condition must hold within 30 s, checked every 100 ms. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
        throw new AssertionError("timed out after 30 s waiting until " + what);
    }
}
