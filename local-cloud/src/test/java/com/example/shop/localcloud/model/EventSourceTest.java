package com.example.shop.localcloud.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every kind of event source mapping makes the checks all mappings share. */
class EventSourceTest {

    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:work";
    private static final String STREAM_ARN =
            "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2025-01-01T00:00:00.000";

    @Test
    void a_queue_or_a_stream_refuse_a_batch_size_lambda_would_refuse() {
        assertThatThrownBy(() -> new SqsSource("Worker", QUEUE_ARN, "http://queue", 0, false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new StreamSource("Worker", STREAM_ARN, EventSource.MAX_BATCH_SIZE + 1,
                "LATEST", false, -1, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
    }

    @Test
    void a_queue_or_a_stream_need_their_function_and_source() {
        assertThatThrownBy(() -> new SqsSource(null, QUEUE_ARN, "http://queue", 10, false, 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("functionLogicalId");
        assertThatThrownBy(() -> new StreamSource("Worker", null, 100, null, false, -1, null, false))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sourceArn");
    }

    @Test
    void a_stream_without_a_starting_position_reads_from_the_trim_horizon() {
        EventSource stream = new StreamSource("Worker", STREAM_ARN, 100, null, false, -1, null, true);

        assertThat(((StreamSource) stream).startingPosition()).isEqualTo("TRIM_HORIZON");
        assertThat(stream.reportBatchItemFailures()).isTrue();
    }
}
