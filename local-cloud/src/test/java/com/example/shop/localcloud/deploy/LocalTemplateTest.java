package com.example.shop.localcloud.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.shop.localcloud.deploy.EmulatorGaps.SdkResource;
import com.example.shop.localcloud.deploy.EmulatorGaps.TableSettings;
import com.example.shop.localcloud.deploy.HttpApiResources.AuthorizerSpec;
import com.example.shop.localcloud.deploy.LambdaResources.FunctionSpec;
import com.example.shop.localcloud.deploy.LambdaResources.SqsMappingSpec;
import com.example.shop.localcloud.deploy.LambdaResources.StreamMappingSpec;
import com.example.shop.localcloud.model.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The split of the fixture template's translation (captured from {@code translate.py} into
 * {@code fixture-template.translated.json}) into the emulator's stack and the runtime's model.
 */
class LocalTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode translated = fixture();
    private final LocalTemplate local = LocalTemplate.of(translated);

    @Test
    void stack_keeps_only_what_the_emulator_creates() {
        assertThat(resourceIds(local.stack())).containsExactlyInAnyOrder(
                "ShopBus", "ShopArchive", "OrdersTable", "WorkDlq", "WorkQueue", "OrderPlacedRule",
                "NotificationsTopic", "NotificationsQueue", "StreamFailureQueue", "WorkDlqDepthAlarm");
    }

    @Test
    void stripped_are_the_functions_their_roles_mappings_permissions_the_api_and_what_watches_a_function() {
        assertThat(local.strippedTypes()).containsOnlyKeys(
                "ApiFunction", "ApiFunctionRole", "ApiFunctionGetOrderPermission", "ApiFunctionCancelOrderPermission",
                "ApiFunctionHealthPermission", "WorkerFunction", "WorkerFunctionRole", "WorkerFunctionWork",
                "StreamFunction", "StreamFunctionRole", "StreamFunctionChanges", "HttpApi",
                "HttpApiApiGatewayDefaultStage", "WorkerErrorsAlarm");
    }

    @Test
    void stack_mentions_nothing_it_does_not_hold() {
        JsonNode stack = local.stack();
        Set<String> known = new HashSet<>(resourceIds(stack));
        stack.path("Parameters").fieldNames().forEachRemaining(known::add);

        stack.path("Resources").properties().forEach(resource -> {
            assertThat(Intrinsics.references(resource.getValue())).as(resource.getKey()).isSubsetOf(known);
            resource.getValue().path("DependsOn").forEach(d -> assertThat(known).contains(d.asText()));
        });
        stack.path("Outputs").properties().forEach(output ->
                assertThat(Intrinsics.references(output.getValue())).as(output.getKey()).isSubsetOf(known));
    }

    @Test
    void rule_keeps_its_queue_target_drops_the_function_target_and_names_the_bus_the_way_moto_accepts() {
        JsonNode rule = local.stack().path("Resources").path("OrderPlacedRule").path("Properties");

        assertThat(rule.path("Targets")).hasSize(1);
        assertThat(rule.path("Targets").get(0).path("Id").asText()).isEqualTo("work-queue");
        assertThat(rule.path("EventBusName")).isEqualTo(Intrinsics.getAtt("ShopBus", "Name"));
    }

    @Test
    void archive_gets_its_event_pattern_as_json_text() throws IOException {
        JsonNode pattern = local.stack().path("Resources").path("ShopArchive").path("Properties").path("EventPattern");

        assertThat(pattern.isTextual()).isTrue();
        assertThat(JSON.readTree(pattern.asText()))
                .isEqualTo(translated.path("Resources").path("ShopArchive").path("Properties").path("EventPattern"));
    }

    @Test
    void outputs_drop_those_of_played_resources_and_carry_every_value_the_runtime_needs() {
        JsonNode outputs = local.stack().path("Outputs");

        assertThat(outputs.has("ApiUrl")).isFalse();
        assertThat(outputs.has("WorkerFunctionArn")).isFalse();
        assertThat(outputs.path("TableName").path("Value")).isEqualTo(Intrinsics.ref("OrdersTable"));
        assertThat(outputs.path("BusName").path("Value")).isEqualTo(Intrinsics.getAtt("ShopBus", "Name"));
        assertThat(local.extraOutputNames()).allSatisfy(name -> assertThat(outputs.has(name)).isTrue());
    }

    @Test
    void functions_carry_handler_timeout_memory_and_environment() {
        Map<String, FunctionSpec> functions = byId(local.lambda().functions());

        assertThat(functions).containsOnlyKeys("ApiFunction", "WorkerFunction", "StreamFunction");
        FunctionSpec api = functions.get("ApiFunction");
        assertThat(api.handlerClass()).isEqualTo("com.example.shop.localcloud.fixture.EchoHandler");
        assertThat(api.handlerMethod()).isEqualTo("handleRequest");
        assertThat(api.timeoutSeconds()).isEqualTo(10);
        assertThat(api.memoryMb()).isEqualTo(1024);
        assertThat(api.environment().get("GREETING").asText()).isEqualTo("hello");
        assertThat(outputValue(api.environment().get("TABLE_NAME"))).isEqualTo(Intrinsics.ref("OrdersTable"));
        assertThat(outputValue(api.environment().get("BUS_NAME"))).isEqualTo(Intrinsics.getAtt("ShopBus", "Name"));

        FunctionSpec worker = functions.get("WorkerFunction");
        assertThat(worker.handlerMethod()).isNull();
        assertThat(worker.timeoutSeconds()).isEqualTo(20);
        assertThat(worker.memoryMb()).isEqualTo(512);
        assertThat(outputValue(worker.environment().get("QUALIFIED_TABLE")))
                .isEqualTo(json("{\"Fn::Sub\": \"${AWS::Region}/${OrdersTable}\"}"));
        assertThat(functions.get("StreamFunction").handlerMethod()).isEqualTo("onRecords");
    }

    @Test
    void environment_naming_a_played_resource_gets_its_local_stand_in() {
        JsonNode apiFunctionName = byId(local.lambda().functions()).get("WorkerFunction").environment().get("API_FUNCTION_NAME");

        assertThat(apiFunctionName.asText()).isEqualTo("ApiFunction");
    }

    @Test
    void sqs_mapping_keeps_batch_size_failure_reporting_and_concurrency() {
        assertThat(local.lambda().sqsMappings()).hasSize(1);
        SqsMappingSpec work = local.lambda().sqsMappings().getFirst();

        assertThat(work.functionLogicalId()).isEqualTo("WorkerFunction");
        assertThat(work.batchSize()).isEqualTo(5);
        assertThat(work.reportBatchItemFailures()).isTrue();
        assertThat(work.maximumConcurrency()).isEqualTo(2);
        assertThat(outputValue(work.queueArn())).isEqualTo(Intrinsics.getAtt("WorkQueue", "Arn"));
    }

    @Test
    void stream_mapping_keeps_retry_bisect_and_on_failure_settings() {
        assertThat(local.lambda().streamMappings()).hasSize(1);
        StreamMappingSpec changes = local.lambda().streamMappings().getFirst();

        assertThat(changes.functionLogicalId()).isEqualTo("StreamFunction");
        assertThat(changes.batchSize()).isEqualTo(25);
        assertThat(changes.startingPosition()).isEqualTo("TRIM_HORIZON");
        assertThat(changes.bisectBatchOnError()).isTrue();
        assertThat(changes.maximumRetryAttempts()).isEqualTo(2);
        assertThat(changes.reportBatchItemFailures()).isTrue();
        assertThat(outputValue(changes.streamArn())).isEqualTo(Intrinsics.getAtt("OrdersTable", "StreamArn"));
        assertThat(outputValue(changes.onFailureArn())).isEqualTo(Intrinsics.getAtt("StreamFailureQueue", "Arn"));
    }

    @Test
    void routes_come_from_the_api_body_with_their_authorizer_and_scopes() {
        assertThat(local.httpApis().routes()).containsExactlyInAnyOrder(
                new HttpRoute("GET", "/orders/{id}", "ApiFunction", "ShopJwt", List.of()),
                new HttpRoute("POST", "/orders/{id}/cancel", "ApiFunction", "ShopJwt", List.of("orders/write")),
                new HttpRoute("GET", "/health", "ApiFunction", null, List.of()));
    }

    @Test
    void authorizer_reads_issuer_audience_and_identity_source() {
        assertThat(local.httpApis().authorizers()).hasSize(1);
        AuthorizerSpec jwt = local.httpApis().authorizers().getFirst();

        assertThat(jwt.name()).isEqualTo("ShopJwt");
        assertThat(jwt.identitySource()).isEqualTo("$request.header.Authorization");
        assertThat(outputValue(jwt.issuer())).isEqualTo(Intrinsics.ref("JwtIssuer"));
        assertThat(jwt.audience()).hasSize(1);
        assertThat(outputValue(jwt.audience().getFirst())).isEqualTo(Intrinsics.ref("JwtAudience"));
    }

    @Test
    void subscription_and_queue_policies_leave_the_stack_for_the_sdk_with_their_properties_as_written() {
        Map<String, SdkResource> sdk = byId(local.emulatorGaps().sdkResources());

        assertThat(sdk).containsOnlyKeys("NotificationsSubscription", "WorkQueuePolicy", "NotificationsQueuePolicy");
        JsonNode subscription = sdk.get("NotificationsSubscription").properties();
        assertThat(subscription.path("FilterPolicy")).isEqualTo(json("{\"kind\": [\"order-shipped\"]}"));
        assertThat(subscription.path("FilterPolicyScope").asText()).isEqualTo("MessageBody");
        assertThat(subscription.path("RawMessageDelivery").asBoolean()).isTrue();
        assertThat(outputValue(subscription.path("TopicArn"))).isEqualTo(Intrinsics.ref("NotificationsTopic"));
        assertThat(outputValue(subscription.path("Endpoint"))).isEqualTo(Intrinsics.getAtt("NotificationsQueue", "Arn"));
    }

    @Test
    void table_settings_ask_for_point_in_time_recovery() {
        assertThat(local.emulatorGaps().tableSettings()).containsExactly(new TableSettings("OrdersTable", true, null));
    }

    @Test
    void bus_names_are_read_through_an_output_because_moto_reports_no_physical_id_for_a_bus() {
        String output = local.emulatorGaps().busNameOutputs().get("ShopBus");

        assertThat(local.stack().path("Outputs").path(output).path("Value")).isEqualTo(Intrinsics.getAtt("ShopBus", "Name"));
    }

    @Test
    void resolve_puts_output_values_where_the_markers_were_and_names_a_missing_one() {
        JsonNode subscription = byId(local.emulatorGaps().sdkResources()).get("NotificationsSubscription").properties();
        String topicOutput = subscription.path("TopicArn").path(RuntimeOutputs.MARKER).asText();
        String endpointOutput = subscription.path("Endpoint").path(RuntimeOutputs.MARKER).asText();

        JsonNode resolved = RuntimeOutputs.resolve(subscription,
                Map.of(topicOutput, "arn:aws:sns:us-east-1:123456789012:t", endpointOutput, "arn:aws:sqs:q"));

        assertThat(resolved.path("TopicArn").asText()).isEqualTo("arn:aws:sns:us-east-1:123456789012:t");
        assertThat(resolved.path("FilterPolicy")).isEqualTo(subscription.path("FilterPolicy"));
        assertThatThrownBy(() -> RuntimeOutputs.resolve(subscription, Map.of()))
                .isInstanceOf(LocalDeployException.class)
                .hasMessageContaining(topicOutput);
    }

    @Test
    void the_translated_template_itself_is_left_untouched() {
        assertThat(translated).isEqualTo(fixture());
    }

    @Test
    void aliases_lead_to_their_function_and_cognito_issuers_get_local_stand_ins() {
        JsonNode template = json("""
                {"Resources": {
                  "Pool": {"Type": "AWS::Cognito::UserPool"},
                  "PoolClient": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": {"Ref": "Pool"}}},
                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "a.B",
                     "Environment": {"Variables": {"POOL": {"Ref": "Pool"}}}}},
                  "FnAliaslive": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Fn"}}},
                  "Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Body": {
                     "paths": {"/x": {"x-amazon-apigateway-any-method": {
                        "x-amazon-apigateway-integration": {"uri": {"Fn::Sub":
                           "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FnAliaslive}/invocations"}},
                        "security": [{"Jwt": []}]}}},
                     "components": {"securitySchemes": {"Jwt": {"x-amazon-apigateway-authorizer": {"type": "jwt",
                        "identitySource": "$request.header.Authorization",
                        "jwtConfiguration": {
                          "issuer": {"Fn::Sub": "https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool}"},
                          "audience": [{"Ref": "PoolClient"}]}}}}}}}},
                  "Log": {"Type": "AWS::Logs::LogGroup", "DependsOn": ["Fn", "Table"],
                     "Properties": {"LogGroupName": {"Fn::Sub": "/aws/lambda/${Fn}"}}},
                  "Table": {"Type": "AWS::DynamoDB::Table", "DependsOn": "FnAliaslive"}
                }}""");

        LocalTemplate split = LocalTemplate.of(template);

        assertThat(resourceIds(split.stack())).containsExactly("Table");
        assertThat(split.stack().path("Resources").path("Table").has("DependsOn")).isFalse();
        assertThat(split.httpApis().routes()).containsExactly(new HttpRoute("ANY", "/x", "Fn", "Jwt", List.of()));
        assertThat(byId(split.lambda().functions()).get("Fn").environment().get("POOL").asText()).isEqualTo("Pool");
        AuthorizerSpec jwt = split.httpApis().authorizers().getFirst();
        assertThat(outputValue(split, jwt.issuer()))
                .isEqualTo(json("{\"Fn::Sub\": \"https://cognito-idp.${AWS::Region}.amazonaws.com/Pool\"}"));
        assertThat(jwt.audience().getFirst().asText()).isEqualTo("PoolClient");
    }

    @Test
    void kinesis_sources_are_refused_clearly() {
        JsonNode template = json("""
                {"Resources": {
                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "a.B"}},
                  "Map": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"FunctionName": {"Ref": "Fn"},
                     "EventSourceArn": "arn:aws:kinesis:us-east-1:123456789012:stream/s", "StartingPosition": "LATEST"}}
                }}""");

        assertThatThrownBy(() -> LocalTemplate.of(template))
                .isInstanceOf(LocalDeployException.class)
                .hasMessageContaining("Map")
                .hasMessageContaining("only SQS queues and DynamoDB streams");
    }

    private JsonNode outputValue(JsonNode marker) {
        return outputValue(local, marker);
    }

    private static JsonNode outputValue(LocalTemplate template, JsonNode marker) {
        assertThat(marker.has(RuntimeOutputs.MARKER)).as("an output marker: %s", marker).isTrue();
        return template.stack().path("Outputs").path(marker.get(RuntimeOutputs.MARKER).asText()).path("Value");
    }

    private static List<String> resourceIds(JsonNode template) {
        List<String> ids = new java.util.ArrayList<>();
        template.path("Resources").fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    private static <T extends Record> Map<String, T> byId(List<T> specs) {
        Map<String, T> byId = new java.util.LinkedHashMap<>();
        for (T spec : specs) {
            try {
                byId.put((String) spec.getClass().getRecordComponents()[0].getAccessor().invoke(spec), spec);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return byId;
    }

    static JsonNode fixture() {
        try (InputStream in = LocalTemplateTest.class.getResourceAsStream("/fixture-template.translated.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
