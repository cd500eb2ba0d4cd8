package com.example.shop.localcloud.model;

import java.util.Objects;

/**
 * An event source mapping the local Lambda service plays: it reads a source in batches and invokes
 * one function with each batch. What every mapping has, whatever it reads, is here; the kinds add
 * their own settings.
 */
public sealed interface EventSource permits SqsSource, StreamSource {

    /** The largest {@code BatchSize} Lambda accepts for a queue or a stream. */
    int MAX_BATCH_SIZE = 10_000;

    /** The function invoked. */
    String functionLogicalId();

    /** Most records per invocation (template {@code BatchSize}). */
    int batchSize();

    /**
     * Whether {@code FunctionResponseTypes} holds {@code ReportBatchItemFailures}: the function may
     * name the records that failed, and only those are retried.
     */
    boolean reportBatchItemFailures();

    /**
     * The checks every mapping's constructor makes: a function, a source, and a batch size Lambda
     * accepts.
     */
    static void requireValid(String functionLogicalId, String sourceArn, int batchSize) {
        Objects.requireNonNull(functionLogicalId, "functionLogicalId");
        Objects.requireNonNull(sourceArn, "sourceArn");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize out of range: " + batchSize);
        }
    }
}
