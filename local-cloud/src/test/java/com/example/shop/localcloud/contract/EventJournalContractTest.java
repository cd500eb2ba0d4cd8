package com.example.shop.localcloud.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.localcloud.journey.EventJournal;
import com.example.shop.localcloud.journey.Hop;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the event journal keeps of each event: the template's journal target, applied to every
 * golden sample as EventBridge applies an input transformer, writes the event's ids and causal
 * chain (enough for the order timeline and the Logs Insights queries) and nothing of its data but
 * the order id: no customer e-mail, no address, no amounts.
 */
class EventJournalContractTest {

    private static final String JOURNAL_RULE = "AllShopEventsToJournalRule";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode journalTarget;

    @BeforeAll
    static void readTheJournalTarget() {
        journalTarget = ShopBusRouting.ofContractTemplate().properties(JOURNAL_RULE).path("Targets").get(0);
    }

    static Stream<JsonNode> samples() {
        return GoldenSamples.all().stream();
    }

    @Test
    void the_journal_target_transforms_its_input_into_a_log_event() {
        assertThat(journalTarget.path("InputTransformer").path("InputTemplate").asText())
                .as("a log group target's input must be {\"timestamp\", \"message\"}")
                .startsWith("{\"timestamp\": ").contains("\"message\": ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_journal_line_holds_no_data_of_the_event_but_its_order_id(JsonNode sample) throws Exception {
        JsonNode line = JSON.readTree(journalled(sample).path("message").asText());

        List<String> dataValues = textValues(sample.path("data"));
        dataValues.remove(sample.path("data").path("orderId").asText());
        assertThat(dataValues).as("the sample's data texts, e.g. its e-mail and address").isNotEmpty()
                .allSatisfy(value -> assertThat(line.toString()).doesNotContain(value));
        assertThat(line.path("detail").path("data").properties()).extracting(Map.Entry::getKey)
                .containsExactly("orderId");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_journal_line_still_tells_who_published_what_for_which_order_and_why(JsonNode sample) throws Exception {
        JsonNode logEvent = journalled(sample);

        Hop hop = EventJournal.hopOf(logEvent.path("message").asText(), 0).orElseThrow();

        JsonNode metadata = sample.path("metadata");
        assertThat(hop.kind()).isEqualTo(Hop.Kind.PUBLISHED);
        assertThat(hop.actor()).isEqualTo(metadata.path("source").asText());
        assertThat(hop.eventType()).isEqualTo(metadata.path("eventType").asText());
        assertThat(hop.eventId()).isEqualTo(metadata.path("eventId").asText());
        assertThat(hop.causationId()).isEqualTo(metadata.path("causationId").asText());
        assertThat(hop.correlationId()).isEqualTo(metadata.path("correlationId").asText());
        assertThat(hop.at()).isEqualTo(Instant.parse(metadata.path("occurredAt").asText()));
        assertThat(hop.orderId()).isEqualTo(sample.path("data").path("orderId").isMissingNode() ? null
                : sample.path("data").path("orderId").asText());
        assertThat(logEvent.path("timestamp").asText()).as("when EventBridge received it").isNotBlank();
    }

    /**
     * The sample as EventBridge delivers it through the journal target: every placeholder of the
     * input template replaced by the value its path names (escaped, as every one stands inside a
     * JSON string; empty when the event has no such field), the ingestion time by the event's time.
     */
    private static JsonNode journalled(JsonNode sample) throws JsonProcessingException {
        JsonNode event = JSON.readTree(DeliveredEvent.of(sample));
        JsonNode transformer = journalTarget.path("InputTransformer");
        String rendered = transformer.path("InputTemplate").asText()
                .replace("<aws.events.event.ingestion-time>", event.path("time").asText());
        for (Map.Entry<String, JsonNode> variable : transformer.path("InputPathsMap").properties()) {
            JsonNode value = event;
            for (String step : variable.getValue().asText().substring(2).split("\\.")) {
                value = value.path(step);
            }
            String text = value.isMissingNode() ? "" : value.asText();
            rendered = rendered.replace("<" + variable.getKey() + ">",
                    new String(JsonStringEncoder.getInstance().quoteAsString(text)));
        }
        return JSON.readTree(rendered);
    }

    private static List<String> textValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        // texts long enough not to turn up by chance inside an id (a quantity "2" would)
        if (node.isTextual() && node.asText().length() >= 4) {
            values.add(node.asText());
        }
        node.forEach(child -> values.addAll(textValues(child)));
        return values;
    }
}
