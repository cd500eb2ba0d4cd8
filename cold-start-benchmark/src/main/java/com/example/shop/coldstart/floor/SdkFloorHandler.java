package com.example.shop.coldstart.floor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The SDK floor of one function: a handler that builds exactly the AWS SDK clients the function
 * builds (named by {@code SDK_FLOOR_CLIENTS}, e.g. {@code ...DynamoDbClient,...EventBridgeClient}),
 * configured as the shop's wiring configures them (URL-connection HTTP client, region and
 * credentials explicit, the emulator's endpoint, the X-Ray interceptor where tracing is on), and
 * nothing else. It runs on the function's own lib/ jars, so the gap between a function's init and
 * its SDK floor is what the function's own code and its other libraries cost.
 */
public final class SdkFloorHandler implements RequestHandler<Map<String, Object>, String> {

    private final List<SdkClient> clients = new ArrayList<>();

    public SdkFloorHandler() throws ReflectiveOperationException {
        Map<String, String> env = System.getenv();
        String names = env.getOrDefault("SDK_FLOOR_CLIENTS", "");
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                clients.add(build(Class.forName(name.trim()).getMethod("builder").invoke(null), env));
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SdkClient build(Object builderObject, Map<String, String> env) throws ReflectiveOperationException {
        AwsClientBuilder builder = (AwsClientBuilder) builderObject;
        ((AwsSyncClientBuilder) builder).httpClientBuilder(UrlConnectionHttpClient.builder());
        if (env.get("AWS_XRAY_DAEMON_ADDRESS") != null) {
            ExecutionInterceptor tracing = (ExecutionInterceptor) Class
                    .forName("com.amazonaws.xray.interceptors.TracingInterceptor").getConstructor().newInstance();
            builder.overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(tracing).build());
        }
        builder.region(Region.of(env.get("AWS_REGION")));
        String endpoint = env.get("AWS_ENDPOINT_URL");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                env.getOrDefault("AWS_ACCESS_KEY_ID", "local"), env.getOrDefault("AWS_SECRET_ACCESS_KEY", "local"))));
        return (SdkClient) builder.build();
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return clients.size() + " clients";
    }
}
