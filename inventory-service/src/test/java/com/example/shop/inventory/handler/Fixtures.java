package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventMetadata;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.platform.JsonRequestValidator;
import com.example.shop.platform.testing.LambdaTestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-shaped Lambda events for the handler tests: SQS messages whose body is the EventBridge
 * event a rule delivers (with a golden-sample detail), and HTTP API requests as the JWT authorizer
 * passes them on.
 */
final class Fixtures {

    static final EventCodec CODEC = new EventCodec();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static int messageCounter;

    private Fixtures() {
    }

    /** The function name a test's Lambda context reports unless the test names the function. */
    static final String FUNCTION_NAME = "inventory-test";

    /** A fresh Lambda context for one invocation of the function named {@value #FUNCTION_NAME}. */
    static LambdaTestContext context() {
        return new LambdaTestContext(FUNCTION_NAME);
    }

    /** The golden detail of an event type, exactly as its producer writes it. */
    static String golden(String eventType) {
        return GoldenSamples.json(eventType);
    }

    /** The event id in a detail. */
    static String eventIdOf(String detail) {
        return read(detail).eventId();
    }

    /** The same event announced again under another event id (a producer republishing it). */
    static String withEventId(String detail, String eventId) {
        EventEnvelope<DomainEvent> envelope = read(detail);
        EventMetadata m = envelope.metadata();
        return CODEC.toDetail(new EventEnvelope<>(new EventMetadata(eventId, m.eventType(), m.eventVersion(),
                m.occurredAt(), m.source(), m.correlationId(), m.causationId()), envelope.data()));
    }

    static EventEnvelope<DomainEvent> read(String detail) {
        return CODEC.readDetail(detail).orElseThrow();
    }

    /** A batch with one SQS message per detail, each body an EventBridge event. */
    static SQSEvent sqs(String... details) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (String detail : details) {
            messages.add(message(eventBridgeEvent(detail)));
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    /** A message whose body is whatever text is given. */
    static SQSEvent.SQSMessage message(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("msg-" + (++messageCounter));
        message.setBody(body);
        message.setEventSource("aws:sqs");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    /** The ids of the messages the handler asked to have redelivered. */
    static List<String> failedMessageIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    /** Asserts that an announced event satisfies its JSON Schema in the shared contract. */
    static void assertMatchesContract(EventEnvelope<?> event) {
        String schema = GoldenSamples.schemaResourceName(event.metadata().eventType(), event.metadata().eventVersion());
        var result = JsonRequestValidator.forSchema(schema).validate(CODEC.toDetail(event));
        assertThat(result).as("%s against %s", event.metadata().eventType(), schema)
                .isInstanceOf(JsonRequestValidator.Valid.class);
    }

    private static String eventBridgeEvent(String detail) {
        try {
            JsonNode detailNode = JSON.readTree(detail);
            ObjectNode event = JSON.createObjectNode();
            event.put("version", "0");
            event.put("id", "eb-" + detailNode.at("/metadata/eventId").asText());
            event.put("detail-type", detailNode.at("/metadata/eventType").asText());
            event.put("source", detailNode.at("/metadata/source").asText());
            event.put("account", "123456789012");
            event.put("time", detailNode.at("/metadata/occurredAt").asText());
            event.put("region", "eu-west-1");
            event.putArray("resources");
            event.set("detail", detailNode);
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a detail: " + detail, e);
        }
    }

    /** An HTTP API request for a product route, from a caller in {@code groups}. */
    static APIGatewayV2HTTPEvent request(String productId, String body, String... groups) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", "f1e2d3c4-0000-4000-8000-000000000001");
        claims.put("email", "staff@example.com");
        if (groups.length > 0) {
            claims.put("cognito:groups", "[" + String.join(" ", groups) + "]");
        }
        return requestWith(productId, body, APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("req-1")
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(claims).build())
                        .build())
                .build());
    }

    /** An HTTP API request that carries no verified token. */
    static APIGatewayV2HTTPEvent anonymousRequest(String productId, String body) {
        return requestWith(productId, body, APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-2")
                .build());
    }

    private static APIGatewayV2HTTPEvent requestWith(String productId, String body,
                                                     APIGatewayV2HTTPEvent.RequestContext context) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withPathParameters(Map.of("productId", productId))
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context)
                .build();
    }

    /** The JSON body of a response. */
    static JsonNode body(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new IllegalArgumentException("response body is not JSON: " + response.getBody(), e);
        }
    }
}
