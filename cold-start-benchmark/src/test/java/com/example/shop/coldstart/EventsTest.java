package com.example.shop.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_replayed_sqs_delivery_gets_a_new_message_id_and_a_new_envelope_id_but_keeps_its_fact() throws Exception {
        String recorded = """
                {"Records":[{"messageId":"m-1","eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:q",
                 "body":"{\\"id\\":\\"e-1\\",\\"detail-type\\":\\"OrderPlaced\\",\\"detail\\":{\\"orderId\\":\\"o-1\\"}}"}]}
                """;

        JsonNode replay = JSON.readTree(Events.withFreshIds(recorded));

        JsonNode record = replay.path("Records").get(0);
        assertThat(record.path("messageId").asText()).isNotEqualTo("m-1");
        JsonNode envelope = JSON.readTree(record.path("body").asText());
        assertThat(envelope.path("id").asText()).isNotEqualTo("e-1");
        assertThat(envelope.path("detail").path("orderId").asText()).isEqualTo("o-1");
        assertThat(record.path("eventSourceARN").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:q");
    }

    @Test
    void a_replayed_http_request_gets_a_new_request_id_and_idempotency_key() throws Exception {
        String recorded = """
                {"routeKey":"POST /orders","headers":{"idempotency-key":"k-1"},"requestContext":{"requestId":"r-1"},
                 "body":"{}"}
                """;

        JsonNode replay = JSON.readTree(Events.withFreshIds(recorded));

        assertThat(replay.path("headers").path("idempotency-key").asText()).isNotEqualTo("k-1");
        assertThat(replay.path("requestContext").path("requestId").asText()).isNotEqualTo("r-1");
        assertThat(replay.path("routeKey").asText()).isEqualTo("POST /orders");
    }
}
