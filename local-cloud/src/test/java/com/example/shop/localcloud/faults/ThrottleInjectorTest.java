package com.example.shop.localcloud.faults;

import com.example.shop.platform.AwsClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The throttle reaches a function's clients as they are built ({@code platform.AwsClients}), the
 * SDK's retry strategy treats it as throttling, and nothing leaves the JVM on a throttled attempt.
 * The clients point at a port where nothing listens: a request that got through would fail to
 * connect instead.
 */
class ThrottleInjectorTest {

    private static final Map<String, String> FUNCTION_ENV = Map.of(
            "AWS_LAMBDA_FUNCTION_NAME", "ReserveStockFunction", "AWS_REGION", "us-east-1",
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local");

    @Test
    void a_throttled_call_is_retried_by_the_sdk_and_fails_as_the_services_own_throttling_error() {
        FaultInjection faults = FaultInjection.off();
        faults.set(new Fault("ReserveStockFunction", FaultKind.THROTTLE, 1.0));

        Throwable thrown;
        // two attempts instead of DynamoDB's default nine, whose throttling back-off would wait ~45 s
        try (DynamoDbClient dynamo = new AwsClients(FUNCTION_ENV).build(DynamoDbClient.builder()
                .overrideConfiguration(o -> o.retryStrategy(s -> s.maxAttempts(2))))) {
            thrown = catchThrowable(() -> faults.during("ReserveStockFunction", () -> dynamo.getItem(r -> r
                    .tableName("InventoryTable").key(Map.of("pk", AttributeValue.fromS("stock#p-1"))))));
        }

        assertThat(thrown).isInstanceOf(DynamoDbException.class);
        DynamoDbException throttled = (DynamoDbException) thrown;
        assertThat(throttled.isThrottlingException()).isTrue();
        assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.numAttempts()).as("retried as throttling").isEqualTo(2);
        assertThat(faults.injected().get(FaultKind.THROTTLE)).as("every attempt was throttled").isEqualTo(2);
    }

    @Test
    void another_functions_calls_and_calls_outside_an_invocation_are_not_throttled() {
        FaultInjection faults = FaultInjection.off();
        faults.set(new Fault("ChargePaymentFunction", FaultKind.THROTTLE, 1.0));

        try (SqsClient sqs = new AwsClients(FUNCTION_ENV).build(SqsClient.builder()
                .overrideConfiguration(o -> o.retryStrategy(s -> s.maxAttempts(1))))) {
            Throwable otherFunction = catchThrowable(() -> faults.during("ReserveStockFunction",
                    () -> sqs.getQueueUrl(r -> r.queueName("q"))));
            Throwable outside = catchThrowable(() -> sqs.getQueueUrl(r -> r.queueName("q")));

            assertThat(otherFunction).as("reached the network").isInstanceOf(SdkClientException.class)
                    .isNotInstanceOf(SqsException.class);
            assertThat(outside).isInstanceOf(SdkClientException.class);
        }
        assertThat(faults.injected().get(FaultKind.THROTTLE)).isZero();
    }
}
