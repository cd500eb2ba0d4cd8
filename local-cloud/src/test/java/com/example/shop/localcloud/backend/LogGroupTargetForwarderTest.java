package com.example.shop.localcloud.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** What the forwarder writes for one delivery: what AWS writes to a log group target. */
class LogGroupTargetForwarderTest {

    private static final long NOW = Instant.parse("2026-12-04T10:00:05Z").toEpochMilli();

    @Test
    void a_transformed_log_event_is_written_as_its_message_at_its_timestamp() {
        InputLogEvent event = LogGroupTargetForwarder.logEvent(
                "{\"timestamp\": \"2026-12-04T10:00:01Z\", \"message\": \"{\\\"id\\\": \\\"e-1\\\"}\"}", NOW);

        assertThat(event.message()).isEqualTo("{\"id\": \"e-1\"}");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-12-04T10:00:01Z").toEpochMilli());
    }

    @Test
    void a_timestamp_in_epoch_seconds_as_moto_renders_it_is_read_too() {
        InputLogEvent event = LogGroupTargetForwarder.logEvent("{\"timestamp\": \"1764842401.5\", \"message\": \"m\"}", NOW);

        assertThat(event.timestamp()).isEqualTo(1_764_842_401_500L);
    }

    @Test
    void an_untransformed_event_is_written_whole_when_it_arrives() {
        String whole = "{\"version\": \"0\", \"source\": \"shop.orders\", \"detail\": {}}";

        InputLogEvent event = LogGroupTargetForwarder.logEvent(whole, NOW);

        assertThat(event.message()).isEqualTo(whole);
        assertThat(event.timestamp()).isEqualTo(NOW);
    }
}
