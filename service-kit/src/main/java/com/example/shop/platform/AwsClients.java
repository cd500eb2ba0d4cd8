package com.example.shop.platform;

import java.net.URI;
import java.util.Map;

import com.amazonaws.xray.interceptors.TracingInterceptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds the AWS SDK clients of one function, once, at init.
 *
 * <p>Every client uses the URL-connection HTTP client (no Apache or Netty client in any package:
 * smaller zips, faster cold starts). On Lambda the region and credentials come from the SDK's
 * default chain. When the function's environment names an {@code AWS_ENDPOINT_URL} (the local
 * cloud sets it to the emulator) the client is pointed there, with the region and static
 * credentials taken from the same environment. Where Lambda runs the function with active
 * tracing, every client records its calls as X-Ray subsegments. While the function primes its
 * SnapStart snapshot ({@link Priming}) no request leaves the machine ({@link PrimingHttpClient}).
 *
 * <p>Every client counts its API calls into {@link RequestCounts#shared()} under the caller's
 * name: the function's ({@code AWS_LAMBDA_FUNCTION_NAME}) unless another is given. That is how
 * the local cloud counts the requests of one order; on Lambda the counts stay in memory. The
 * ARNs of what the calls touch name the account {@code AWS_ACCOUNT_ID} gives (the local runtime
 * sets it; Lambda does not, and nothing reads them there).
 */
public final class AwsClients {

    /** The caller's name when the environment names no function. */
    public static final String UNNAMED = "unnamed";

    private final Map<String, String> env;
    private final String caller;

    /** Clients of the function the environment names, or of {@value #UNNAMED}. */
    public AwsClients(Map<String, String> env) {
        this(env, env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", UNNAMED));
    }

    /** Clients whose calls are counted under {@code caller}, e.g. the local runtime's pollers. */
    public AwsClients(Map<String, String> env, String caller) {
        this.env = Map.copyOf(env);
        this.caller = caller;
    }

    /** Configures and builds a client, e.g. {@code clients.build(DynamoDbClient.builder())}. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        // the real HTTP client, which a priming run (SnapStart) points at a loopback stand-in instead
        builder.httpClient(new PrimingHttpClient(UrlConnectionHttpClient.builder().build()));
        // added to what the caller configured (a retry strategy, say): the builder's Consumer form
        // would start from an empty configuration and silently drop it
        ClientOverrideConfiguration.Builder override = builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(new RequestCounter(caller, env.getOrDefault("AWS_ACCOUNT_ID", ""),
                        RequestCounts.shared()));
        if (Observability.Tracing.ACTIVE) {
            // every AWS call becomes an X-Ray subsegment of the invocation's trace
            override.addExecutionInterceptor(new TracingInterceptor());
        }
        builder.overrideConfiguration(override.build());
        String region = env.get("AWS_REGION");
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        }
        String endpoint = env.get("AWS_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    env.getOrDefault("AWS_ACCESS_KEY_ID", "local"),
                    env.getOrDefault("AWS_SECRET_ACCESS_KEY", "local"))));
        }
        return builder.build();
    }
}
