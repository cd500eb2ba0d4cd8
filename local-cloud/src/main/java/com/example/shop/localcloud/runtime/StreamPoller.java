package com.example.shop.localcloud.runtime;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.example.shop.localcloud.model.StreamSource;
import com.example.shop.platform.RequestCounter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays one DynamoDB stream event source mapping: reads each shard in order, hands batches to the
 * function as a {@link DynamodbEvent}, and on failure retries, bisects and finally gives up to the
 * on-failure destination, as Lambda does.
 *
 * <p>A shard is processed strictly in order: the poller never moves past a record until it
 * succeeded or was sent to the on-failure destination. With {@code BisectBatchOnFunctionError} a
 * failing batch is split in two and each half tried on its own, so one poison record ends up
 * alone in the destination while its neighbours are processed. Each failure of a batch counts one
 * retry against {@code MaximumRetryAttempts} (-1: retry until the poller stops).
 */
final class StreamPoller extends EventSourcePoller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ITERATOR_REFRESH_NANOS = Duration.ofSeconds(2).toNanos();
    /**
     * A stream read returns at once, so an empty round waits before the next: 50 ms after records,
     * growing by 50 ms per empty round to 400 ms (Lambda reads a shard about four times a second).
     * A busy stream is read at once again; a quiet one costs the emulator between two and three
     * calls a second instead of twenty, and a record written after a quiet spell waits at most
     * 400 ms.
     */
    private static final Duration WHEN_IDLE = Duration.ofMillis(50);
    private static final Duration MOST_IDLE = Duration.ofMillis(400);
    private static final Duration BEFORE_A_RETRY = Duration.ofMillis(200);

    private final StreamSource source;
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final boolean duplicateDelivery;
    private final Map<String, String> iterators = new HashMap<>();
    /** The last sequence number handled per shard: where a fresh iterator resumes. */
    private final Map<String, String> checkpoints = new HashMap<>();
    private long idleSince = System.nanoTime();
    private int emptyRounds;
    /** The stream's shards, described once per iterator refresh rather than on every round. */
    private List<Shard> shards = List.of();

    StreamPoller(StreamSource source, FunctionHost function, DynamoDbStreamsClient streams, SqsClient sqs,
                 boolean duplicateDelivery, Control control) {
        super(function, control, WHEN_IDLE);
        this.source = source;
        this.streams = streams;
        this.sqs = sqs;
        this.duplicateDelivery = duplicateDelivery;
    }

    /** Reads every shard once and processes what it found; returns the number of records. */
    @Override
    int pollOnce() {
        if (System.nanoTime() - idleSince > ITERATOR_REFRESH_NANOS) {
            // Lambda resumes a shard from its checkpoint with a fresh iterator (iterators expire
            // on AWS); doing the same after a quiet spell also recovers from an iterator the
            // emulator no longer advances
            iterators.clear();
            idleSince = System.nanoTime();
        }
        if (iterators.isEmpty()) {
            // after start and after every refresh; a shard added meanwhile is found at the next one
            shards = streams.describeStream(r -> r.streamArn(source.streamArn()).overrideConfiguration(this::withFunctionRole))
                    .streamDescription().shards();
        }
        int total = 0;
        for (Shard shard : shards) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), this::freshIterator);
            if (iterator == null) {
                continue;
            }
            var response = streams.getRecords(r -> r.shardIterator(iterator).limit(Math.min(1000, source.batchSize()))
                    .overrideConfiguration(o -> withFunctionRole(o.putExecutionAttribute(RequestCounter.RESOURCE,
                            source.streamArn()))));
            iterators.put(shard.shardId(), response.nextShardIterator());
            if (!response.records().isEmpty()) {
                deliver(shard.shardId(), response.records(), source.maximumRetryAttempts());
                checkpoints.put(shard.shardId(), response.records().getLast().dynamodb().sequenceNumber());
                total += response.records().size();
                idleSince = System.nanoTime();
            }
        }
        emptyRounds = total == 0 ? emptyRounds + 1 : 0;
        return total;
    }

    @Override
    Duration whenIdle() {
        return MOST_IDLE.compareTo(WHEN_IDLE.multipliedBy(emptyRounds)) < 0 ? MOST_IDLE : WHEN_IDLE.multipliedBy(emptyRounds);
    }

    private String freshIterator(String shardId) {
        String checkpoint = checkpoints.get(shardId);
        return checkpoint == null
                ? streams.getShardIterator(r -> r.streamArn(source.streamArn()).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.fromValue(source.startingPosition()))
                        .overrideConfiguration(this::withFunctionRole)).shardIterator()
                : streams.getShardIterator(r -> r.streamArn(source.streamArn()).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint)
                        .overrideConfiguration(this::withFunctionRole)).shardIterator();
    }

    /**
     * Lambda's mapping reads the stream and sends to the on-failure destination with the
     * function's execution role, so those calls are recorded under it.
     */
    private AwsRequestOverrideConfiguration.Builder withFunctionRole(AwsRequestOverrideConfiguration.Builder o) {
        return o.putExecutionAttribute(RequestCounter.ON_BEHALF_OF, function.name());
    }

    /** Delivers a batch until it succeeds, is bisected, or is given up to the destination. */
    private void deliver(String shardId, List<Record> batch, int retriesLeft) {
        int attemptsLeft = retriesLeft;
        List<Record> pending = batch;
        while (!pending.isEmpty() && state() != State.STOPPED) {
            int firstFailed = invoke(pending);
            if (duplicateDelivery && firstFailed < 0) {
                // At-least-once made certain: the same batch again, as after a lost checkpoint.
                firstFailed = invoke(pending);
            }
            if (firstFailed < 0) {
                return;
            }
            List<Record> failing = pending.subList(firstFailed, pending.size());
            if (source.bisectBatchOnError() && failing.size() > 1) {
                int middle = failing.size() / 2;
                int remaining = attemptsLeft < 0 ? -1 : Math.max(0, attemptsLeft - 1);
                deliver(shardId, List.copyOf(failing.subList(0, middle)), remaining);
                deliver(shardId, List.copyOf(failing.subList(middle, failing.size())), remaining);
                return;
            }
            if (attemptsLeft == 0) {
                sendToOnFailureDestination(shardId, failing);
                return;
            }
            if (attemptsLeft > 0) {
                attemptsLeft--;
            }
            pending = List.copyOf(failing);
            pause(BEFORE_A_RETRY);
        }
    }

    private int invoke(List<Record> batch) {
        try {
            return firstFailedIndex(function.invoke("dynamodb:" + tableName(), toEvent(batch), null), batch);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Index of the first record to retry, or -1 when the whole batch succeeded. */
    private int firstFailedIndex(Object result, List<Record> batch) {
        if (!source.reportBatchItemFailures() || !(result instanceof StreamsEventResponse response)
                || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return -1;
        }
        int first = -1;
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            int index = -1;
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).dynamodb().sequenceNumber().equals(failure.getItemIdentifier())) {
                    index = i;
                }
            }
            if (index < 0) {
                return 0;
            }
            first = first < 0 ? index : Math.min(first, index);
        }
        return first;
    }

    /** Describes the records given up on, in the shape Lambda sends to an on-failure destination. */
    private void sendToOnFailureDestination(String shardId, List<Record> failed) {
        System.err.println("[local-runtime] " + function.name() + " gave up on " + failed.size()
                + " stream record(s) of " + tableName());
        if (source.onFailureQueueUrl() == null) {
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        message.putObject("requestContext").put("functionArn", "arn:aws:lambda:us-east-1:" + com.example.shop.localcloud.emulator.AwsClients.ACCOUNT_ID + ":function:"
                + function.name()).put("condition", "RetryAttemptsExhausted")
                .put("approximateInvokeCount", Math.max(1, source.maximumRetryAttempts() + 1));
        message.putObject("responseContext").put("statusCode", 200).put("executedVersion", "$LATEST")
                .put("functionError", "Unhandled");
        message.put("version", "1.0");
        message.put("timestamp", Instant.now().toString());
        ObjectNode info = message.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", failed.getFirst().dynamodb().sequenceNumber());
        info.put("endSequenceNumber", failed.getLast().dynamodb().sequenceNumber());
        info.put("batchSize", failed.size());
        info.put("streamArn", source.streamArn());
        sqs.sendMessage(r -> r.queueUrl(source.onFailureQueueUrl()).messageBody(message.toString())
                .overrideConfiguration(this::withFunctionRole));
    }

    private DynamodbEvent toEvent(List<Record> records) {
        List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
        for (Record r : records) {
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID(r.eventID());
            record.setEventName(r.eventNameAsString());
            record.setEventVersion(r.eventVersion());
            record.setEventSource("aws:dynamodb");
            record.setAwsRegion("us-east-1");
            record.setEventSourceARN(source.streamArn());
            StreamRecord data = new StreamRecord();
            var d = r.dynamodb();
            data.setKeys(convert(d.keys()));
            if (d.hasNewImage()) {
                data.setNewImage(convert(d.newImage()));
            }
            if (d.hasOldImage()) {
                data.setOldImage(convert(d.oldImage()));
            }
            data.setSequenceNumber(d.sequenceNumber());
            data.setSizeBytes(d.sizeBytes());
            if (d.streamViewTypeAsString() != null) {
                data.setStreamViewType(StreamViewType.fromValue(d.streamViewTypeAsString()));
            }
            if (d.approximateCreationDateTime() != null) {
                data.setApproximateCreationDateTime(Date.from(d.approximateCreationDateTime()));
            }
            record.setDynamodb(data);
            converted.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(converted);
        return event;
    }

    /** SDK attribute values to the Lambda events library's own type, recursively. */
    static Map<String, AttributeValue> convert(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> in) {
        Map<String, AttributeValue> out = new HashMap<>();
        in.forEach((k, v) -> out.put(k, convert(v)));
        return out;
    }

    private static AttributeValue convert(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        AttributeValue a = new AttributeValue();
        if (v.s() != null) {
            a.setS(v.s());
        } else if (v.n() != null) {
            a.setN(v.n());
        } else if (v.b() != null) {
            a.setB(v.b().asByteBuffer());
        } else if (v.bool() != null) {
            a.setBOOL(v.bool());
        } else if (Boolean.TRUE.equals(v.nul())) {
            a.setNULL(true);
        } else if (v.hasSs()) {
            a.setSS(v.ss());
        } else if (v.hasNs()) {
            a.setNS(v.ns());
        } else if (v.hasBs()) {
            a.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
        } else if (v.hasM()) {
            a.setM(convert(v.m()));
        } else if (v.hasL()) {
            a.setL(v.l().stream().map(StreamPoller::convert).toList());
        }
        return a;
    }

    @Override
    String reading() {
        return "reading stream " + source.streamArn();
    }

    /** A fresh iterator per shard, from its checkpoint: the old ones may be what failed. */
    @Override
    void afterFailedRead() {
        iterators.clear();
    }

    private String tableName() {
        String arn = source.streamArn();
        int start = arn.indexOf(":table/") + 7;
        int end = arn.indexOf("/stream/");
        return start > 6 && end > start ? arn.substring(start, end) : arn;
    }
}
