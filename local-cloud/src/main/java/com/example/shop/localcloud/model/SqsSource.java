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
        int maximumConcurrency) implements EventSource {

    public SqsSource {
        EventSource.requireValid(functionLogicalId, queueArn, batchSize);
        Objects.requireNonNull(queueUrl, "queueUrl");
    }
}
