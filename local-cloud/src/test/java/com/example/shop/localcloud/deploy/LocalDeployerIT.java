package com.example.shop.localcloud.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.MotoExtension;
import com.example.shop.localcloud.model.FunctionDef;
import com.example.shop.localcloud.model.HttpRoute;
import com.example.shop.localcloud.model.JwtAuthorizerDef;
import com.example.shop.localcloud.model.LocalSystem;
import com.example.shop.localcloud.model.SqsSource;
import com.example.shop.localcloud.model.StreamSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The fixture template deployed once on moto; each test checks one promise of the deployer. */
class LocalDeployerIT {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalSystem system;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void deployFixture() {
        long started = System.nanoTime();
        system = new LocalDeployer(moto.server()).deploy(SamTemplateTranslatorIT.fixtureTemplate());
        System.out.printf("Fixture translated and deployed on a fresh moto in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        AwsClients aws = moto.clients();
        sqs = aws.build(SqsClient.builder());
        sns = aws.build(SnsClient.builder());
        dynamoDb = aws.build(DynamoDbClient.builder());
    }

    @AfterAll
    static void closeClients() {
        sqs.close();
        sns.close();
        dynamoDb.close();
    }

    @Test
    void the_stack_exists_on_the_emulator_without_what_the_runtime_plays() {
        try (CloudFormationClient cloudFormation = moto.clients().build(CloudFormationClient.builder())) {
            assertThat(cloudFormation.describeStacks(r -> r.stackName(LocalDeployer.DEFAULT_STACK_NAME))
                    .stacks().getFirst().stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);
        }
        assertThat(system.resources()).containsKeys("OrdersTable", "WorkQueue", "WorkDlq", "NotificationsTopic",
                "NotificationsQueue", "StreamFailureQueue", "OrderPlacedRule", "ShopBus", "NotificationsSubscription");
        assertThat(system.resources()).doesNotContainKeys("ApiFunction", "HttpApi", "WorkerFunctionRole");
        assertThat(system.resource("ShopBus")).isEqualTo("fixture-bus");
    }

    @Test
    void functions_have_their_environment_resolved_against_the_stack() {
        assertThat(system.functions()).containsOnlyKeys("ApiFunction", "WorkerFunction", "StreamFunction");
        String table = system.resource("OrdersTable");
        String topic = system.resource("NotificationsTopic");

        FunctionDef api = system.functions().get("ApiFunction");
        assertThat(api.handlerClass()).isEqualTo("com.example.shop.localcloud.fixture.EchoHandler");
        assertThat(api.timeoutSeconds()).isEqualTo(10);
        assertThat(api.environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TABLE_NAME", table, "BUS_NAME", "fixture-bus", "GREETING", "hello"));
        assertThat(dynamoDb.describeTable(r -> r.tableName(table)).table().tableName()).isEqualTo(table);

        FunctionDef worker = system.functions().get("WorkerFunction");
        assertThat(worker.handlerMethod()).isEqualTo("handleRequest");
        assertThat(worker.environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "QUEUE_URL", system.resource("WorkQueue"),
                "TOPIC_ARN", topic,
                "TABLE_ARN", dynamoDb.describeTable(r -> r.tableName(table)).table().tableArn(),
                "QUALIFIED_TABLE", "us-east-1/" + table,
                "JOINED", topic + ":fixed",
                "API_FUNCTION_NAME", "ApiFunction"));
        assertThat(system.functions().get("StreamFunction").environment())
                .containsEntry("FAILURE_QUEUE_URL", system.resource("StreamFailureQueue"));
    }

    @Test
    void sqs_source_points_at_the_real_queue() {
        assertThat(system.sqsSources()).hasSize(1);
        SqsSource work = system.sqsSources().getFirst();
        assertThat(work.functionLogicalId()).isEqualTo("WorkerFunction");
        assertThat(work.batchSize()).isEqualTo(5);
        assertThat(work.reportBatchItemFailures()).isTrue();
        assertThat(work.maximumConcurrency()).isEqualTo(2);
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(work.queueUrl()).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN)).isEqualTo(work.queueArn());

        sqs.sendMessage(r -> r.queueUrl(work.queueUrl()).messageBody("ping"));
        List<Message> received = receiveUntil(sqs, work.queueUrl(), 1);
        assertThat(received).extracting(Message::body).containsExactly("ping");
    }

    @Test
    void stream_source_has_the_tables_current_stream_arn_and_a_reachable_on_failure_queue() {
        assertThat(system.streamSources()).hasSize(1);
        StreamSource changes = system.streamSources().getFirst();
        String latestStreamArn = dynamoDb.describeTable(r -> r.tableName(system.resource("OrdersTable")))
                .table().latestStreamArn();

        assertThat(changes.streamArn()).isEqualTo(latestStreamArn);
        assertThat(changes.functionLogicalId()).isEqualTo("StreamFunction");
        assertThat(changes.bisectBatchOnError()).isTrue();
        assertThat(changes.maximumRetryAttempts()).isEqualTo(2);
        assertThat(changes.batchSize()).isEqualTo(25);
        assertThat(changes.reportBatchItemFailures()).isTrue();
        assertThat(queueName(changes.onFailureQueueUrl())).isEqualTo(queueName(system.resource("StreamFailureQueue")));
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(changes.onFailureQueueUrl())
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()).isNotEmpty();
    }

    @Test
    void routes_and_their_jwt_authorizer_come_from_the_http_api() {
        assertThat(system.httpRoutes()).containsExactlyInAnyOrder(
                new HttpRoute("GET", "/orders/{id}", "ApiFunction", "ShopJwt"),
                new HttpRoute("POST", "/orders/{id}/cancel", "ApiFunction", "ShopJwt", List.of("orders/write")),
                new HttpRoute("GET", "/health", "ApiFunction", null));
        assertThat(system.authorizers()).containsOnlyKeys("ShopJwt");
        assertThat(system.authorizers().get("ShopJwt")).isEqualTo(new JwtAuthorizerDef("ShopJwt",
                "$request.header.Authorization", "https://issuer.fixture.local", List.of("fixture-web-client")));
    }

    @Test
    void sns_subscription_exists_with_the_templates_attributes_and_filters_by_body() throws IOException {
        String topic = system.resource("NotificationsTopic");
        String queueUrl = system.resource("NotificationsQueue");
        List<Subscription> subscriptions = sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions();
        assertThat(subscriptions).hasSize(1);
        Map<String, String> attributes = sns.getSubscriptionAttributes(r -> r
                .subscriptionArn(subscriptions.getFirst().subscriptionArn())).attributes();
        assertThat(JSON.readTree(attributes.get("FilterPolicy"))).isEqualTo(JSON.readTree("{\"kind\":[\"order-shipped\"]}"));
        assertThat(attributes).containsEntry("FilterPolicyScope", "MessageBody").containsEntry("RawMessageDelivery", "true");

        // published first: were it let through, it would be received before the matching one
        sns.publish(r -> r.topicArn(topic).message("{\"kind\":\"order-placed\"}"));
        sns.publish(r -> r.topicArn(topic).message("{\"kind\":\"order-shipped\"}"));

        assertThat(receiveUntil(sqs, queueUrl, 1)).extracting(Message::body).containsExactly("{\"kind\":\"order-shipped\"}");
    }

    @Test
    void rule_on_the_custom_bus_delivers_to_its_queue() {
        try (EventBridgeClient events = moto.clients().build(EventBridgeClient.builder())) {
            events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName("fixture-bus")
                    .source("shop.orders").detailType("OrderPlaced").detail("{\"orderId\":\"o-1\"}").build()));
        }
        String workQueue = system.sqsSources().getFirst().queueUrl();

        List<Message> received = receiveUntil(sqs, workQueue, 1);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().body()).contains("\"detail-type\"").contains("o-1");
    }

    @Test
    void skipped_settings_are_applied_with_the_sdk() {
        String policy = sqs.getQueueAttributes(r -> r.queueUrl(system.resource("WorkQueue"))
                .attributeNames(QueueAttributeName.POLICY)).attributes().get(QueueAttributeName.POLICY);
        assertThat(policy).contains("events.amazonaws.com").contains(system.resource("OrderPlacedRule"));

        assertThat(dynamoDb.describeContinuousBackups(r -> r.tableName(system.resource("OrdersTable")))
                .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    }

    @Test
    void outputs_are_the_templates_own_minus_those_of_played_resources() {
        assertThat(system.outputs()).containsOnlyKeys("TableName", "BusName");
        assertThat(system.outputs()).containsEntry("TableName", system.resource("OrdersTable"))
                .containsEntry("BusName", "fixture-bus");
    }

    private static String queueName(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    /** Receives (and deletes) until {@code expected} messages arrived or a few seconds passed. */
    static List<Message> receiveUntil(SqsClient sqs, String queueUrl, int expected) {
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (received.size() < expected && System.nanoTime() < deadline) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)
                    .maxNumberOfMessages(10)).messages();
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            received.addAll(batch);
        }
        return received;
    }
}
