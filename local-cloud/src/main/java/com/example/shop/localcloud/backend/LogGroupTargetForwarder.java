package com.example.shop.localcloud.backend;

import com.example.shop.localcloud.emulator.AwsClients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Makes up for an emulator whose EventBridge does not write to CloudWatch Logs targets as AWS
 * does: MiniStack 1.5 stores such a target and drops every event for it; moto 5.2 writes an
 * input-transformed event whole, where AWS takes its {@code message} as the log line and its
 * {@code timestamp} as the time. The template's event journal is such a target: one line per
 * {@code shop.*} event (its ids, never its data), which the order timeline reads.
 *
 * <p>Once the stack exists, each rule target naming a log group is pointed at a queue of the local
 * cloud's own instead ({@code local-logs-<rule>}; same target id and input settings, so the
 * emulator applies the input transformer), which the emulator does deliver to, and a thread
 * forwards what arrives there into the log group, one log event per EventBridge event — what AWS
 * writes: for a transformed {@code {"timestamp", "message"}} the message at that time, otherwise
 * the event itself. Readers of the log group see what they would on AWS; {@link #flush()} forwards
 * everything already delivered, so a reader that flushes first never misses an event published
 * before it looked. This is the one place the gap is made up for ({@code docs/emulators.md});
 * nothing in the template or the tests changes for it.
 */
public final class LogGroupTargetForwarder implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LogGroupTargetForwarder.class.getName());
    private static final String STREAM = "local-cloud-forwarder";
    private static final Duration POLL_WAIT = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One redirected target: the queue EventBridge now delivers to, and the log group it stood for. */
    record Forward(String rule, String queueUrl, String logGroup) {
    }

    private final List<Forward> forwards;
    private final SqsClient sqs;
    private final CloudWatchLogsClient logs;
    private final ReentrantLock forwarding = new ReentrantLock();
    private final Thread poller;
    private volatile boolean running = true;

    private LogGroupTargetForwarder(List<Forward> forwards, SqsClient sqs, CloudWatchLogsClient logs) {
        this.forwards = List.copyOf(forwards);
        this.sqs = sqs;
        this.logs = logs;
        this.poller = Thread.ofPlatform().daemon().name("log-group-target-forwarder").unstarted(this::poll);
    }

    /** Redirects every log group target of every rule on the emulator and starts forwarding. */
    public static LogGroupTargetForwarder start(AwsClients clients) {
        SqsClient sqs = clients.build(SqsClient.builder());
        CloudWatchLogsClient logs = clients.build(CloudWatchLogsClient.builder());
        List<Forward> forwards = new ArrayList<>();
        try (EventBridgeClient events = clients.build(EventBridgeClient.builder())) {
            for (EventBus bus : events.listEventBuses(r -> { }).eventBuses()) {
                for (Rule rule : events.listRules(r -> r.eventBusName(bus.name())).rules()) {
                    for (Target target : events.listTargetsByRule(r -> r.rule(rule.name()).eventBusName(bus.name()))
                            .targets()) {
                        String logGroup = logGroupName(target.arn());
                        if (logGroup != null) {
                            forwards.add(redirect(events, sqs, logs, bus.name(), rule.name(), target, logGroup));
                        }
                    }
                }
            }
        }
        LogGroupTargetForwarder forwarder = new LogGroupTargetForwarder(forwards, sqs, logs);
        LOG.log(Level.INFO, "EventBridge -> CloudWatch Logs is not written as on AWS by this emulator: forwarding {0}"
                + " through queues of the local cloud (docs/emulators.md)", forwards);
        forwarder.poller.start();
        return forwarder;
    }

    private static Forward redirect(EventBridgeClient events, SqsClient sqs, CloudWatchLogsClient logs, String bus,
                                    String rule, Target target, String logGroup) {
        String queueName = ("local-logs-" + rule).replaceAll("[^A-Za-z0-9_-]", "-");
        String queueUrl = sqs.createQueue(r -> r.queueName(queueName.substring(0, Math.min(80, queueName.length()))))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        events.putTargets(r -> r.rule(rule).eventBusName(bus).targets(target.toBuilder().arn(queueArn).build()));
        try {
            logs.createLogStream(r -> r.logGroupName(logGroup).logStreamName(STREAM));
        } catch (ResourceAlreadyExistsException again) {
            // a second forwarder on the same stack writes into the same stream
        }
        return new Forward(rule, queueUrl, logGroup);
    }

    /** {@code arn:aws:logs:<region>:<account>:log-group:<name>[:*]} → the name; otherwise {@code null}. */
    static String logGroupName(String arn) {
        int at = arn == null ? -1 : arn.indexOf(":log-group:");
        if (at < 0 || !arn.startsWith("arn:aws:logs:")) {
            return null;
        }
        String name = arn.substring(at + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    /** Forwards everything delivered so far; returns once every redirected queue is empty. */
    public void flush() {
        for (Forward forward : forwards) {
            while (forwardOnce(forward, Duration.ZERO) > 0) {
                // until the queue is empty
            }
        }
    }

    private void poll() {
        while (running) {
            for (Forward forward : forwards) {
                try {
                    forwardOnce(forward, forwards.size() == 1 ? POLL_WAIT : Duration.ZERO);
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.log(Level.WARNING, "Forwarding to {0} failed, retrying: {1}", forward.logGroup(),
                                e.toString());
                    }
                }
            }
            if (forwards.isEmpty()) {
                return;
            }
        }
    }

    /** Moves one batch from the queue into the log group; returns how many events it moved. */
    private int forwardOnce(Forward forward, Duration wait) {
        forwarding.lock();
        try {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(forward.queueUrl()).maxNumberOfMessages(10)
                    .waitTimeSeconds((int) wait.toSeconds())).messages();
            if (messages.isEmpty()) {
                return 0;
            }
            long now = System.currentTimeMillis();
            // CloudWatch Logs takes a batch only in time order
            List<InputLogEvent> events = messages.stream().map(message -> logEvent(message.body(), now))
                    .sorted(Comparator.comparing(InputLogEvent::timestamp)).toList();
            logs.putLogEvents(r -> r.logGroupName(forward.logGroup()).logStreamName(STREAM).logEvents(events));
            sqs.deleteMessageBatch(r -> r.queueUrl(forward.queueUrl()).entries(IntStream.range(0, messages.size())
                    .mapToObj(i -> DeleteMessageBatchRequestEntry.builder().id("m" + i)
                            .receiptHandle(messages.get(i).receiptHandle()).build()).toList()));
            return messages.size();
        } finally {
            forwarding.unlock();
        }
    }

    /**
     * The log event AWS writes for one delivery: a CloudWatch Logs target's input transformer must
     * produce {@code {"timestamp": <string>, "message": <string>}}, and the message becomes the log
     * line at that time (ISO-8601, or epoch seconds as moto renders the ingestion time); anything
     * else is an untransformed event, written whole at {@code now}.
     */
    static InputLogEvent logEvent(String body, long now) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject() && node.size() == 2 && node.path("message").isTextual()
                    && node.has("timestamp")) {
                return InputLogEvent.builder().timestamp(epochMillis(node.get("timestamp").asText(), now))
                        .message(node.get("message").asText()).build();
            }
        } catch (IOException notJson) {
            // a plain-text input: written as it came
        }
        return InputLogEvent.builder().timestamp(now).message(body).build();
    }

    private static long epochMillis(String timestamp, long now) {
        try {
            return Instant.parse(timestamp).toEpochMilli();
        } catch (DateTimeParseException notIso) {
            try {
                return (long) (Double.parseDouble(timestamp) * 1000);
            } catch (NumberFormatException neither) {
                return now;
            }
        }
    }

    /** Stops the thread and closes the clients; the queues go with the emulator. */
    @Override
    public void close() {
        running = false;
        try {
            poller.join(POLL_WAIT.multipliedBy(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sqs.close();
        logs.close();
    }
}
