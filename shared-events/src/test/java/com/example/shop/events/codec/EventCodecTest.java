package com.example.shop.events.codec;

import static com.example.shop.events.SampleEvents.eventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.ShipmentScheduled;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = new ObjectMapper();

    private final String detail = GoldenSamples.json("OrderPlaced");

    /** How an EventBridge rule with an SQS target delivers the event; moto leaves out {@code account}. */
    private String eventBridgeInSqs(String detailJson, boolean withAccount) throws Exception {
        ObjectNode event = json.createObjectNode()
                .put("version", "0")
                .put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718")
                .put("detail-type", "OrderPlaced")
                .put("source", "shop.orders");
        if (withAccount) {
            event.put("account", "123456789012");
        }
        event.put("time", "2026-11-27T10:15:30Z")
                .put("region", "eu-central-1")
                .putArray("resources");
        event.set("detail", json.readTree(detailJson));
        return json.writeValueAsString(event);
    }

    /** How SNS delivers a message to an SQS subscription without raw message delivery. */
    private String snsNotification(String message) throws Exception {
        ObjectNode notification = json.createObjectNode()
                .put("Type", "Notification")
                .put("MessageId", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324")
                .put("TopicArn", "arn:aws:sns:eu-central-1:123456789012:shop-customer-messages")
                .put("Message", message)
                .put("Timestamp", "2026-11-27T10:15:31.000Z")
                .put("SignatureVersion", "1");
        notification.putObject("MessageAttributes").putObject("eventType")
                .put("Type", "String").put("Value", "OrderPlaced");
        return json.writeValueAsString(notification);
    }

    private EventEnvelope<DomainEvent> readBareDetail() {
        return codec.read(detail).orElseThrow();
    }

    @Test
    void read_bare_detail_parses_the_golden_order_placed() {
        EventEnvelope<DomainEvent> envelope = readBareDetail();

        assertThat(envelope.eventId()).isEqualTo("3f9c2b7a-1d4e-4a8b-9c2f-6e5d4c3b2a10");
        assertThat(envelope.data()).isInstanceOfSatisfying(OrderPlaced.class, placed -> {
            assertThat(placed.lines()).hasSize(2);
            assertThat(placed.total()).isEqualTo(SampleEvents.euros(5030));
            assertThat(placed.shippingAddress().line2()).isEqualTo("2. OG links");
        });
    }

    @Test
    void read_event_bridge_event_in_sqs_body_without_account_parses_to_the_same_event() throws Exception {
        assertThat(codec.read(eventBridgeInSqs(detail, false))).contains(readBareDetail());
    }

    @Test
    void read_event_bridge_event_in_sqs_body_with_account_parses_to_the_same_event() throws Exception {
        assertThat(codec.read(eventBridgeInSqs(detail, true))).contains(readBareDetail());
    }

    @Test
    void read_sns_notification_wrapping_the_detail_parses_to_the_same_event() throws Exception {
        assertThat(codec.read(snsNotification(detail))).contains(readBareDetail());
    }

    @Test
    void read_sns_notification_wrapping_an_event_bridge_event_parses_to_the_same_event() throws Exception {
        assertThat(codec.read(snsNotification(eventBridgeInSqs(detail, true)))).contains(readBareDetail());
    }

    @Test
    void read_raw_sns_delivery_of_an_event_bridge_event_parses_to_the_same_event() throws Exception {
        // With raw message delivery the SQS body is the published message itself.
        String raw = eventBridgeInSqs(detail, false);
        assertThat(codec.read(raw)).contains(readBareDetail());
    }

    @Test
    void read_detail_from_an_already_parsed_map_parses_to_the_same_event() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.readValue(detail, Map.class);

        assertThat(codec.readDetail(map)).contains(readBareDetail());
    }

    @Test
    void read_detail_when_given_a_wrapped_message_rejects_it() throws Exception {
        String wrapped = eventBridgeInSqs(detail, false);

        assertThatThrownBy(() -> codec.readDetail(wrapped)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void read_unknown_event_type_is_empty() {
        String giftCard = detail.replace("\"eventType\": \"OrderPlaced\"", "\"eventType\": \"GiftCardIssued\"");
        assertThat(giftCard).contains("GiftCardIssued");

        assertThat(codec.read(giftCard)).isEmpty();
    }

    @Test
    void read_unknown_event_version_is_empty() {
        String v2 = detail.replace("\"eventVersion\": 1", "\"eventVersion\": 2");
        assertThat(v2).contains("\"eventVersion\": 2");

        assertThat(codec.read(v2)).isEmpty();
    }

    @Test
    void read_event_bridge_event_of_an_unknown_detail_type_is_empty_whatever_its_detail() throws Exception {
        String scheduled = """
                {"version":"0","id":"89d1a02d-5ec7-412e-82f5-13505f849b41","detail-type":"Scheduled Event",
                 "source":"aws.events","time":"2026-11-27T10:00:00Z","region":"eu-central-1",
                 "resources":["arn:aws:events:eu-central-1:123456789012:rule/nightly"],"detail":{}}
                """;

        assertThat(codec.read(scheduled)).isEmpty();
    }

    @Test
    void read_unknown_fields_in_metadata_data_and_nested_values_are_ignored() throws Exception {
        ObjectNode tree = (ObjectNode) json.readTree(detail);
        ((ObjectNode) tree.get("metadata")).put("tenant", "eu");
        ObjectNode data = (ObjectNode) tree.get("data");
        data.put("loyaltyPoints", 50);
        ((ObjectNode) data.get("shippingAddress")).put("deliveryNotes", "leave with neighbour");
        ((ObjectNode) data.get("lines").get(0)).putObject("giftWrap").put("colour", "red");

        assertThat(codec.read(json.writeValueAsString(tree))).contains(readBareDetail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"metadata\": {", "not json at all", "{\"metadata\":{}} trailing", "[1, 2]", "\"text\"", " "})
    void read_malformedJson_throwsEventFormatException(String malformed) {
        assertThatThrownBy(() -> codec.read(malformed)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void read_json_of_no_known_shape_throws_event_format_exception_listing_its_fields() {
        assertThatThrownBy(() -> codec.read("{\"orderId\": \"o-1\", \"status\": \"PAID\"}"))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("orderId");
    }

    @Test
    void read_known_event_that_breaks_its_contract_throws_event_format_exception_naming_event_and_field() {
        String wrongTotal = detail.replace("\"amountMinor\": 5030", "\"amountMinor\": 4999");
        assertThat(wrongTotal).contains("4999");

        assertThatThrownBy(() -> codec.read(wrongTotal))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("OrderPlaced")
                .hasMessageContaining("3f9c2b7a-1d4e-4a8b-9c2f-6e5d4c3b2a10")
                .hasMessageContaining("total");
    }

    @Test
    void read_known_event_missing_a_required_field_throws_event_format_exception_naming_the_field() throws Exception {
        ObjectNode tree = (ObjectNode) json.readTree(detail);
        ((ObjectNode) tree.get("data")).remove("paymentMethodRef");

        assertThatThrownBy(() -> codec.read(json.writeValueAsString(tree)))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("paymentMethodRef");
    }

    @Test
    void read_known_event_with_fractional_quantity_throws_event_format_exception_rather_than_truncating() {
        String fractional = detail.replace("\"quantity\": 2", "\"quantity\": 2.5");
        assertThat(fractional).contains("2.5");

        assertThatThrownBy(() -> codec.read(fractional)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void read_detail_without_metadata_throws_event_format_exception() {
        assertThatThrownBy(() -> codec.readDetail("{\"data\": {}}"))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("metadata");
    }

    @Test
    void read_event_bridge_detail_type_disagreeing_with_metadata_throws_event_format_exception() throws Exception {
        String mislabelled = eventBridgeInSqs(detail, false).replace("\"detail-type\":\"OrderPlaced\"",
                "\"detail-type\":\"OrderCancelled\"");
        assertThat(mislabelled).contains("OrderCancelled");

        assertThatThrownBy(() -> codec.read(mislabelled))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("detail-type");
    }

    @Test
    void to_detail_writes_metadata_and_data_with_iso_timestamps_and_dates() throws Exception {
        EventEnvelope<ShipmentScheduled> envelope = SampleEvents.envelope(SampleEvents.shipmentScheduled(), eventId(7));

        JsonNode written = json.readTree(codec.toDetail(envelope));

        assertThat(written.properties()).extracting(Map.Entry::getKey).containsExactly("metadata", "data");
        assertThat(written.at("/metadata/occurredAt").asText()).isEqualTo("2026-11-27T10:15:30.123Z");
        assertThat(written.at("/metadata/eventType").asText()).isEqualTo("ShipmentScheduled");
        assertThat(written.at("/metadata/source").asText()).isEqualTo("shop.shipping");
        assertThat(written.at("/data/estimatedDelivery").asText()).isEqualTo("2026-12-01");
    }

    @Test
    void to_detail_leaves_out_absent_optional_fields_and_derived_values() throws Exception {
        JsonNode written = json.readTree(codec.toDetail(SampleEvents.envelope(SampleEvents.orderPlaced(), eventId(8))));

        assertThat(written.at("/data/shippingAddress").has("line2")).isFalse();
        assertThat(written.at("/data/lines/0").has("subtotal")).isFalse();
        assertThat(written.get("data").has("source")).isFalse();
    }

    @Test
    void to_detail_then_read_gives_back_an_equal_envelope() {
        EventEnvelope<OrderPlaced> envelope = SampleEvents.envelope(SampleEvents.orderPlaced(), eventId(9));

        Optional<EventEnvelope<DomainEvent>> read = codec.read(codec.toDetail(envelope));

        assertThat(read.orElseThrow()).isEqualTo(envelope);
    }
}
