package com.example.shop.platform;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

/**
 * Handles a batch of DynamoDB stream records strictly in order, the way every stream-fed function
 * of the shop does (the outbox publishers, the catalog projector).
 *
 * <p>A record whose handling throws is reported as the batch's only failure
 * ({@code ReportBatchItemFailures}): Lambda retries the stream from that record, so the records
 * before it are not handled twice, nothing after it overtakes it and nothing is lost; after the
 * mapping's retries the batch is described in its on-failure queue for a replay. Reading a record
 * belongs inside {@code handler}: an unreadable image must fail that record alone.
 */
public final class StreamBatch {

    private static final Logger LOG = LoggerFactory.getLogger(StreamBatch.class);

    private StreamBatch() {
    }

    /**
     * Runs {@code handler} on each record until one fails.
     *
     * @param what what handling a record means, for the log line of a failure (e.g. "publishing the outbox of")
     */
    public static StreamsEventResponse inOrder(DynamodbEvent event, String what,
                                               Consumer<DynamodbEvent.DynamodbStreamRecord> handler) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            // A record's log lines never carry the ids of the record before it.
            EventLogContext.clear();
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                String sequenceNumber = record.getDynamodb().getSequenceNumber();
                LOG.error("{} stream record {} failed; the stream retries from it", what, sequenceNumber, e);
                return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        new StreamsEventResponse.BatchItemFailure(sequenceNumber))).build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
}
