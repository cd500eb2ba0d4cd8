package com.example.shop.localcloud.model;

/**
 * A DynamoDB stream event source mapping.
 *
 * @param functionLogicalId     the function invoked
 * @param streamArn             the table's current stream ARN (it changes on every deploy)
 * @param batchSize             most records per invocation (default 100)
 * @param startingPosition      {@code TRIM_HORIZON} or {@code LATEST}
 * @param bisectBatchOnError    split a failing batch in two and retry each half
 * @param maximumRetryAttempts  retries before the batch goes to the on-failure destination;
 *                              -1 means retry until the record expires
 * @param onFailureQueueUrl     SQS queue that receives a description of records given up on, or
 *                              {@code null}
 * @param reportBatchItemFailures whether the function may report the first failed sequence number
 */
public record StreamSource(
        String functionLogicalId,
        String streamArn,
        int batchSize,
        String startingPosition,
        boolean bisectBatchOnError,
        int maximumRetryAttempts,
        String onFailureQueueUrl,
        boolean reportBatchItemFailures) implements EventSource {

    public StreamSource {
        EventSource.requireValid(functionLogicalId, streamArn, batchSize);
        startingPosition = startingPosition == null ? "TRIM_HORIZON" : startingPosition;
    }
}
