package com.example.shop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every function is wired from: clients built once, only when asked for, and a clear init error. */
class FunctionWiringTest {

    private static final Map<String, String> LOCAL = Map.of(
            "AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1", "EVENT_BUS_NAME", "shop-events");

    @Test
    void a_client_is_built_once_and_then_shared() {
        FunctionWiring wiring = FunctionWiring.of("order", LOCAL);

        DynamoDbClient first = wiring.dynamo();

        assertThat(wiring.dynamo()).isSameAs(first);
        assertThat(wiring.eventBus()).isSameAs(wiring.eventBus());
    }

    @Test
    void the_service_name_is_the_default_for_logs_and_metrics_unless_the_template_sets_one() {
        assertThat(FunctionWiring.of("order", LOCAL).observability().service()).isEqualTo("order");
        assertThat(FunctionWiring.of("order", Map.of("POWERTOOLS_SERVICE_NAME", "orders-api")).observability().service())
                .isEqualTo("orders-api");
    }

    @Test
    void a_missing_variable_fails_at_init_naming_it() {
        FunctionWiring wiring = FunctionWiring.of("order", Map.of("AWS_REGION", "eu-west-1"));

        assertThatThrownBy(wiring::eventBus).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EVENT_BUS_NAME");
    }
}
