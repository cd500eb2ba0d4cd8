package com.example.shop.localcloud.model;

import java.util.Objects;

/**
 * An SQS event source mapping: the runtime long-polls {@code queueUrl} and invokes the function.
 *
 * @param functionLogicalId       the function invoked
 * @param queueArn                the queue's ARN as the template resolves it
 * @param queueUrl                the queue's URL on the emulator
 * @param batchSize               most messages per invocation (template {@code BatchSize}, default 10)
 * @param reportBatchItemFailures whether {@code FunctionResponseTypes} holds
 *                                {@code ReportBatchItemFailures}; without it a failed invocation
 *                                returns the whole batch to the queue, as on AWS
 * @param maximumConcurrency      {@code ScalingConfig.MaximumConcurrency}, or 0 when not set
 */
public record SqsSource(
        String functionLogicalId,
        String queueArn,
        String queueUrl,
        int batchSize,
        boolean reportBatchItemFailures,
        int maximumConcurrency) {

    public SqsSource {
        Objects.requireNonNull(functionLogicalId, "functionLogicalId");
        Objects.requireNonNull(queueArn, "queueArn");
        Objects.requireNonNull(queueUrl, "queueUrl");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize out of range: " + batchSize);
        }
    }
}
