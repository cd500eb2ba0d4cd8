package com.example.shop.platform;

import com.example.shop.platform.testing.StandardOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service-kit log layout: one JSON object per line, email and postal addresses masked. */
class LogMaskingTest {

    private static final Logger LOG = LoggerFactory.getLogger("com.example.shop.test");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void email_addresses_are_masked_but_stay_recognisable() throws Exception {
        JsonNode line = logged(() -> LOG.info("Sending the confirmation to ada.lovelace@example.com"));

        assertThat(line.path("message").asText())
                .isEqualTo("Sending the confirmation to a***@example.com");
    }

    @Test
    void postal_addresses_are_masked_whole() throws Exception {
        JsonNode line = logged(() -> LOG.info("Shipping to ShippingAddress[recipientName=Ada, line1=1 Way, line2=null,"
                + " city=London, postalCode=N1, countryCode=GB] now; json {\"shippingAddress\":{\"city\":\"London\"}}"));

        assertThat(line.path("message").asText()).doesNotContain("London").doesNotContain("1 Way")
                .contains("ShippingAddress[***]").contains("\"shippingAddress\":\"***\"");
    }

    @Test
    void an_exception_message_is_masked_too() throws Exception {
        JsonNode line = logged(() -> LOG.error("Placing failed",
                new IllegalArgumentException("customerEmail must look like name@domain but was 'bob@example.org'")));

        assertThat(line.toString()).doesNotContain("bob@example.org").contains("b***@example.org");
        assertThat(line.path("error").path("message").asText()).contains(IllegalArgumentException.class.getName());
    }

    @Test
    void the_correlation_context_appears_as_top_level_fields() throws Exception {
        MDC.put("correlationId", "corr-42");
        MDC.put("orderId", "order-42");
        try {
            JsonNode line = logged(() -> LOG.info("hello"));
            assertThat(line.path("correlationId").asText()).isEqualTo("corr-42");
            assertThat(line.path("orderId").asText()).isEqualTo("order-42");
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.toString()).as("a line without an exception carries no error").doesNotContain("\"error\"");
        } finally {
            MDC.clear();
        }
    }

    @Test
    void a_line_in_an_invocation_carries_only_what_the_log_group_and_the_platform_records_do_not() throws Exception {
        Observability observability = new Observability(java.util.Map.of("POWERTOOLS_SERVICE_NAME", "test"));
        List<String> lines = StandardOutput.linesOf(() -> observability.handle(
                new com.example.shop.platform.testing.LambdaTestContext("LayoutFunction"), () -> {
                    LOG.info("hello");
                    return null;
                }));
        JsonNode line = lines.stream().map(LogMaskingTest::json).filter(l -> l.has("message")).findFirst().orElseThrow();

        assertThat(line.path("function_name").asText()).isEqualTo("LayoutFunction");
        assertThat(line.has("function_request_id")).isTrue();
        // every line is paid for by the byte (docs/cost.md): the function's ARN, version and memory
        // are in the log group's name and in Lambda's platform.report, the sampling rate in the configuration
        assertThat(line.has("function_arn")).isFalse();
        assertThat(line.has("function_version")).isFalse();
        assertThat(line.has("function_memory_size")).isFalse();
        assertThat(line.has("sampling_rate")).isFalse();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }

    private static JsonNode logged(Runnable logging) throws Exception {
        List<String> lines = StandardOutput.linesOf(logging);
        assertThat(lines).hasSize(1);
        return JSON.readTree(lines.getFirst());
    }
}
