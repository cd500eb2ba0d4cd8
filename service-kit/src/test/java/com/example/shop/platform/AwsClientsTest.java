package com.example.shop.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

class AwsClientsTest {

    private final AwsClients clients = new AwsClients(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1",
            "AWS_REGION", "eu-west-1", "AWS_LAMBDA_FUNCTION_NAME", "SomeFunction"));

    @Test
    void what_the_caller_configured_before_building_is_kept_beside_the_request_counter() {
        try (DynamoDbClient dynamo = clients.build(DynamoDbClient.builder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())))) {
            ClientOverrideConfiguration built = dynamo.serviceClientConfiguration().overrideConfiguration();

            assertThat(built.retryStrategy()).hasValueSatisfying(strategy -> assertThat(strategy.maxAttempts()).isEqualTo(1));
            assertThat(built.executionInterceptors()).hasAtLeastOneElementOfType(RequestCounter.class);
        }
    }
}
