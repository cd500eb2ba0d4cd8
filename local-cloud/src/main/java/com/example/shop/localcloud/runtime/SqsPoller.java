package com.example.shop.localcloud.runtime;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.localcloud.model.SqsSource;
import com.example.shop.platform.RequestCounter;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plays one SQS event source mapping: long-polls the queue, hands each batch to the function as
 * an {@link SQSEvent}, deletes what succeeded and leaves the rest to the queue.
 *
 * <p>As on AWS: a thrown exception fails the whole batch; with {@code ReportBatchItemFailures}
 * enabled only the reported messages stay (an empty or unknown id fails the whole batch); messages
 * are never moved to a DLQ by the poller, the queue's redrive policy does that after
 * {@code maxReceiveCount} receives. One deliberate difference: a failed message is made visible
 * again after {@code retryDelaySeconds} instead of the full visibility timeout (minutes on
 * AWS), so local retries and DLQ arrivals take seconds.
 */
final class SqsPoller extends EventSourcePoller {

    private static final String REGION = "us-east-1";
    /**
     * How long a receive waits for messages. A long poll answers as soon as a message arrives, so
     * this costs no latency; what it sets is how often an idle queue is asked (every poller of
     * every queue, all the time) and how soon a pause or a stop is noticed. 5 s: an idle local
     * cloud asks its emulator a few times a second instead of thirty; a stop waits at most 5 s.
     */
    private static final int LONG_POLL_SECONDS = 5;

    private final SqsSource source;
    private final SqsClient sqs;
    private final int retryDelaySeconds;
    private final boolean duplicateDelivery;
    private final InvocationListener listener;
    private volatile Redrive redrive;

    SqsPoller(SqsSource source, FunctionHost function, SqsClient sqs, int retryDelaySeconds, boolean duplicateDelivery,
              Control control, InvocationListener listener) {
        // the receive itself waits for messages, so an empty round needs no pause of its own
        super(function, control, Duration.ZERO);
        this.source = source;
        this.sqs = sqs;
        this.retryDelaySeconds = retryDelaySeconds;
        this.duplicateDelivery = duplicateDelivery;
        this.listener = listener;
    }

    /** The queue's redrive policy: after how many receives a message goes to which DLQ. */
    private record Redrive(int maxReceiveCount, String deadLetterQueue) {
        static final Redrive NONE = new Redrive(Integer.MAX_VALUE, null);
    }

    /** Receives one batch (waiting up to {@value #LONG_POLL_SECONDS} s) and processes it; returns its size. */
    @Override
    int pollOnce() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(source.queueUrl())
                .maxNumberOfMessages(Math.min(10, source.batchSize()))
                .waitTimeSeconds(LONG_POLL_SECONDS)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .attributeNamesWithStrings(QueueAttributeName.ALL.toString())
                .messageAttributeNames("All")
                .overrideConfiguration(this::withFunctionRole)).messages();
        if (messages.isEmpty()) {
            return 0;
        }
        if (state() != State.POLLING) {
            // paused (or stopping) while the receive was waiting: hand the batch back untouched, as
            // a disabled event source mapping would never have taken it (the receive count still
            // grew by one, which AWS would not do)
            changeVisibility(messages, 0);
            return 0;
        }
        process(messages);
        return messages.size();
    }

    private void process(List<Message> messages) {
        String traceHeader = messages.getFirst().attributesAsStrings().get("AWSTraceHeader");
        Set<String> failed = new HashSet<>(invoke(toEvent(messages), traceHeader, messages));
        if (duplicateDelivery) {
            // At-least-once made certain: the same batch again, as after a lost acknowledgement.
            failed.addAll(invoke(toEvent(messages), traceHeader, messages));
        }
        List<Message> succeeded = messages.stream().filter(m -> !failed.contains(m.messageId())).toList();
        List<Message> retry = messages.stream().filter(m -> failed.contains(m.messageId())).toList();
        delete(succeeded);
        reportLastAttempts(retry);
        changeVisibility(retry, retryDelaySeconds);
    }

    private Set<String> invoke(SQSEvent event, String traceHeader, List<Message> messages) {
        try {
            return failedIds(function.invoke("sqs:" + queueName(), event, traceHeader), messages);
        } catch (RuntimeException e) {
            return messages.stream().map(Message::messageId).collect(Collectors.toSet());
        }
    }

    /** Which messages stay on the queue, following Lambda's rules for partial batch responses. */
    private Set<String> failedIds(Object result, List<Message> messages) {
        Set<String> all = messages.stream().map(Message::messageId).collect(Collectors.toSet());
        if (!source.reportBatchItemFailures() || !(result instanceof SQSBatchResponse response)
                || response.getBatchItemFailures() == null) {
            return Set.of();
        }
        Set<String> failed = new HashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure.getItemIdentifier();
            if (id == null || id.isBlank() || !all.contains(id)) {
                return all;
            }
            failed.add(id);
        }
        return failed;
    }

    /** Messages that failed as often as the queue allows are on their way to the DLQ. */
    private void reportLastAttempts(List<Message> failed) {
        if (failed.isEmpty()) {
            return;
        }
        Redrive policy = redrive();
        for (Message message : failed) {
            int receives = Integer.parseInt(message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1"));
            if (policy.deadLetterQueue() != null && receives >= policy.maxReceiveCount()) {
                listener.deadLettered(queueName(), policy.deadLetterQueue(), message.body(), Instant.now());
            }
        }
    }

    private Redrive redrive() {
        if (redrive == null) {
            String json = sqs.getQueueAttributes(r -> r.queueUrl(source.queueUrl())
                    .attributeNames(QueueAttributeName.REDRIVE_POLICY).overrideConfiguration(this::withFunctionRole))
                    .attributes().get(QueueAttributeName.REDRIVE_POLICY);
            redrive = json == null ? Redrive.NONE : parseRedrive(json);
        }
        return redrive;
    }

    private static Redrive parseRedrive(String json) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            String arn = node.path("deadLetterTargetArn").asText();
            return new Redrive(node.path("maxReceiveCount").asInt(Integer.MAX_VALUE), arn.substring(arn.lastIndexOf(':') + 1));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Redrive.NONE;
        }
    }

    private void delete(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle()).build());
        }
        var response = sqs.deleteMessageBatch(r -> r.queueUrl(source.queueUrl()).entries(entries)
                .overrideConfiguration(this::withFunctionRole));
        if (response.hasFailed() && !response.failed().isEmpty()) {
            System.err.println("[local-runtime] could not delete " + response.failed().size() + " message(s) from "
                    + queueName() + "; they will be delivered again");
        }
    }

    /**
     * Lambda's mapping receives, deletes and reads the queue's attributes with the function's
     * execution role, so those calls are recorded under it. The visibility changes are the local
     * runtime's own (a shorter retry delay, a batch handed back while paused): Lambda makes none,
     * and they stay the platform's.
     */
    private AwsRequestOverrideConfiguration.Builder withFunctionRole(AwsRequestOverrideConfiguration.Builder o) {
        return o.putExecutionAttribute(RequestCounter.ON_BEHALF_OF, function.name());
    }

    private void changeVisibility(List<Message> messages, int seconds) {
        if (messages.isEmpty()) {
            return;
        }
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle()).visibilityTimeout(seconds).build());
        }
        sqs.changeMessageVisibilityBatch(r -> r.queueUrl(source.queueUrl()).entries(entries));
    }

    private SQSEvent toEvent(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setMd5OfBody(m.md5OfBody());
            record.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
            record.setAttributes(new HashMap<>(m.attributesAsStrings()));
            record.setMessageAttributes(toAttributes(m.messageAttributes()));
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(source.queueArn());
            record.setAwsRegion(REGION);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static Map<String, SQSEvent.MessageAttribute> toAttributes(Map<String, MessageAttributeValue> values) {
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        values.forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            if (value.binaryValue() != null) {
                attribute.setBinaryValue(value.binaryValue().asByteBuffer());
            }
            attributes.put(name, attribute);
        });
        return attributes;
    }

    @Override
    String reading() {
        return "polling " + source.queueUrl();
    }

    private String queueName() {
        return source.queueArn().substring(source.queueArn().lastIndexOf(':') + 1);
    }
}
