package com.example.shop.payment.adapter;

import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.MotoServer;
import com.example.shop.payment.domain.AbandonedCharge;
import com.example.shop.payment.domain.OpsAlerts;
import com.example.shop.payment.testing.OpsAlertsContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SNS adapter keeps the ops-alerts contract, against SNS as moto emulates it: each test gets
 * a fresh topic with an SQS queue subscribed (raw delivery, as a tool subscribing to the topic
 * would read it), and what reached the operators is read back from that queue.
 *
 * <p>Starts its own moto server through the local emulator and stops it afterwards.
 */
class SnsOpsAlertsIT extends OpsAlertsContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private static MotoServer moto;
    private static SnsClient sns;
    private static SqsClient sqs;

    private String queueUrl;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        AwsClients clients = new AwsClients(moto.endpoint());
        sns = clients.build(SnsClient.builder());
        sqs = clients.build(SqsClient.builder());
    }

    @AfterAll
    static void stopMoto() {
        for (AutoCloseable client : new AutoCloseable[] {sns, sqs}) {
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

    @Override
    protected OpsAlerts newAlerts() {
        int n = TOPICS.incrementAndGet();
        String topicArn = sns.createTopic(r -> r.name("ops-alerts-it-" + n)).topicArn();
        queueUrl = sqs.createQueue(r -> r.queueName("ops-alerts-it-" + n)).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        return new SnsOpsAlerts(sns, topicArn);
    }

    @Override
    protected List<AbandonedCharge> receivedByOperators() {
        return received().stream().map(message -> alertOf(json(message.body()))).toList();
    }

    @Test
    void an_alert_is_typed_so_that_subscriptions_can_filter_on_it() {
        OpsAlerts alerts = newAlerts();

        alerts.chargeAbandoned(new AbandonedCharge("order-1", "customer-1", "00000000-0000-4000-8000-000000000001",
                "corr-1", 6, "PaymentFailed announced"));

        assertThat(received()).singleElement().satisfies(message -> {
            assertThat(message.messageAttributes().get("alertType").stringValue())
                    .isEqualTo(SnsOpsAlerts.CHARGE_ABANDONED);
            assertThat(json(message.body()).path("idempotencyKey").asText()).isEqualTo("order-1");
        });
    }

    private List<Message> received() {
        List<Message> messages = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages();
            messages.addAll(batch);
        } while (!batch.isEmpty());
        return messages;
    }

    private static AbandonedCharge alertOf(JsonNode body) {
        return new AbandonedCharge(body.path("orderId").asText(), body.path("customerId").asText(),
                body.path("eventId").asText(), body.path("correlationId").asText(), body.path("receiveCount").asInt(),
                body.path("outcome").asText());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the alert body is not JSON: " + body, e);
        }
    }
}
