package com.example.shop.localcloud.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.shop.localcloud.emulator.MotoExtension;
import com.example.shop.localcloud.model.LocalSystem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Deploying again after a reset, with other parameters, and after the emulator crashed. */
class LocalDeployerRedeployIT {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    @Test
    void after_a_reset_the_same_template_deploys_again_with_fresh_stream_arns() {
        LocalDeployer deployer = new LocalDeployer(moto.server());
        JsonNode translated = timed("translate", () -> new SamTemplateTranslator(moto.server().python())
                .translate(SamTemplateTranslatorIT.fixtureTemplate(), Map.of()));
        LocalSystem first = timed("first deploy", () -> deployer.deployTranslated(translated, Map.of()));

        moto.server().reset();
        LocalSystem second = timed("deploy after reset", () -> deployer.deployTranslated(translated, Map.of()));

        try (DynamoDbClient dynamoDb = moto.clients().build(DynamoDbClient.builder())) {
            String latest = dynamoDb.describeTable(r -> r.tableName(second.resource("OrdersTable")))
                    .table().latestStreamArn();
            assertThat(second.streamSources().getFirst().streamArn()).isEqualTo(latest);
        }
        assertThat(second.functions().keySet()).isEqualTo(first.functions().keySet());
        assertThat(second.streamSources().getFirst().streamArn()).isNotEqualTo(first.streamSources().getFirst().streamArn());
    }

    @Test
    void parameter_values_reach_the_stack() {
        moto.server().reset();

        LocalSystem system = new LocalDeployer(moto.server()).deploy(SamTemplateTranslatorIT.fixtureTemplate(),
                Map.of("JwtIssuer", "https://other-issuer.example", "JwtAudience", "other-client"));

        assertThat(system.authorizers().get("ShopJwt").issuer()).isEqualTo("https://other-issuer.example");
        assertThat(system.authorizers().get("ShopJwt").audience()).containsExactly("other-client");
    }

    @Test
    void when_the_emulators_cloud_formation_crashes_the_error_is_clear_and_the_emulator_is_left_clean() throws Exception {
        moto.server().reset();
        // moto answers 500 on a table without a key schema, after creating the queue before it
        JsonNode crashing = new ObjectMapper().readTree("""
                {"Resources": {
                  "Early": {"Type": "AWS::SQS::Queue"},
                  "Broken": {"Type": "AWS::DynamoDB::Table", "DependsOn": "Early",
                             "Properties": {"BillingMode": "PAY_PER_REQUEST"}}
                }}""");
        LocalDeployer deployer = new LocalDeployer(moto.server());

        assertThatThrownBy(() -> deployer.deployTranslated(crashing, Map.of()))
                .isInstanceOf(LocalDeployException.class)
                .hasMessageContaining("crashed (HTTP 500)")
                .hasMessageContaining("the emulator was reset");

        try (SqsClient sqs = moto.clients().build(SqsClient.builder())) {
            assertThat(sqs.listQueues().queueUrls()).isEmpty();
        }
        assertThat(deployer.deploy(SamTemplateTranslatorIT.fixtureTemplate()).functions()).hasSize(3);
    }

    private static <T> T timed(String step, java.util.function.Supplier<T> action) {
        long started = System.nanoTime();
        T result = action.get();
        System.out.printf("%s: %d ms%n", step, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return result;
    }
}
