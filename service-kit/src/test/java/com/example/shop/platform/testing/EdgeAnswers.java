package com.example.shop.platform.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer of an HTTP function must be, whatever it was sent: never a 5xx, and a refusal
 * is an RFC 9457 problem ({@code application/problem+json} with the status and a title).
 */
public final class EdgeAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EdgeAnswers() {
    }

    /** Whether the request was refused (4xx), after checking that the answer is well-formed and not a 5xx. */
    public static boolean refused(APIGatewayV2HTTPResponse response, String request) {
        assertThat(response.getStatusCode()).as("status for %s", abbreviated(request)).isLessThan(500);
        if (response.getStatusCode() < 400) {
            return false;
        }
        Map<String, String> headers = response.getHeaders();
        assertThat(headers).as("headers of %d for %s", response.getStatusCode(), abbreviated(request))
                .containsEntry("content-type", "application/problem+json");
        JsonNode problem = read(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(response.getStatusCode());
        assertThat(problem.path("title").isTextual()).as("problem title of %s", response.getBody()).isTrue();
        return true;
    }

    /** At most 300 characters of a request, for assertion messages. */
    public static String abbreviated(String request) {
        String text = String.valueOf(request);
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a problem body is JSON, but was: " + abbreviated(body), e);
        }
    }
}
