package com.example.shop.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.platform.testing.StandardOutput;
import com.example.shop.platform.testing.TestObservability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The edge of every HTTP function: the route's own answer, or a problem+json 500 that hides the cause. */
class HttpEdgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Observability observability = TestObservability.of("edge-test");

    private static APIGatewayV2HTTPEvent request(Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST /things").withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-7").build())
                .build();
    }

    @Test
    void the_routes_own_answer_passes_through_unchanged() {
        APIGatewayV2HTTPResponse teapot = ApiResponses.problem(418, "Teapot", null);

        assertThat(HttpEdge.answer(observability, request(Map.of()), null, r -> teapot)).isSameAs(teapot);
    }

    @Test
    void an_unexpected_exception_is_a_problem_500_with_the_correlation_id_and_nothing_of_the_cause()
            throws Exception {
        AtomicReference<APIGatewayV2HTTPResponse> answer = new AtomicReference<>();

        List<String> log = StandardOutput.linesOf(() -> answer.set(HttpEdge.answer(observability,
                request(Map.of("x-correlation-id", "corr-42")), null, r -> {
                    throw new IllegalStateException("table orders-secret-name is gone");
                })));

        APIGatewayV2HTTPResponse response = answer.get();
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(problem.path("title").asText()).isEqualTo("Internal Server Error");
        assertThat(problem.path("correlationId").asText()).isEqualTo("corr-42");
        assertThat(response.getBody()).doesNotContain("orders-secret-name", "IllegalStateException", "at com.");
        assertThat(String.join("\n", log)).as("the cause is logged, with its stack trace")
                .contains("orders-secret-name", "IllegalStateException", "HttpEdgeTest");
    }

    @Test
    void without_a_usable_correlation_header_the_500_carries_the_request_id() throws Exception {
        APIGatewayV2HTTPResponse[] response = new APIGatewayV2HTTPResponse[1];
        StandardOutput.linesOf(() -> response[0] = HttpEdge.answer(observability,
                request(Map.of("x-correlation-id", "not a safe id!")), null, r -> {
                    throw new StackOverflowError();
                }));

        assertThat(response[0].getStatusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response[0].getBody()).path("correlationId").asText()).isEqualTo("req-7");
    }

    @Test
    void an_order_that_kept_changing_is_the_one_503_with_retry_after() throws Exception {
        APIGatewayV2HTTPResponse response = ApiResponses.changedConcurrently("the order");

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("retry-after", "2")
                .containsEntry("content-type", "application/problem+json");
        assertThat(JSON.readTree(response.getBody()).path("detail").asText()).startsWith("the order is being changed");
    }
}
