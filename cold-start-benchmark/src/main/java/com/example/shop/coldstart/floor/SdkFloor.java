package com.example.shop.coldstart.floor;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The SDK floor of one function: what a handler that builds exactly the AWS SDK clients the function
 * builds does at init (named by {@code SDK_FLOOR_CLIENTS}, e.g. {@code ...DynamoDbClient,...EventBridgeClient}),
 * configured as the shop's wiring configures them (URL-connection HTTP client, region and
 * credentials explicit, the emulator's endpoint, the X-Ray interceptor where tracing is on), and
 * nothing else. It runs on the function's own lib/ jars, so the gap between a function's init and
 * its SDK floor is what the function's own code and its other libraries cost. The floor handlers
 * ({@link SdkFloorHandler}, {@link SdkFloorHttpHandler}, {@link SdkFloorSqsHandler},
 * {@link SdkFloorStreamHandler}) declare the same event and response types as the functions they
 * stand beside, so that the runtime's own work for those types (choosing and building its event
 * serializer at init) falls on both sides of the comparison.
 *
 * <p>It also times its own phases (the logging back end the SDK's first logger starts, the X-Ray
 * recorder, each client) and prints them as {@code sdk-floor-phase <name> <nanos>} lines, and takes
 * {@code SDK_FLOOR_SETTINGS}: supported client settings to try one by one, see {@link #SETTINGS}.
 */
public final class SdkFloor {

    /**
     * The settings the benchmark's {@code --sdk-floor-settings} run tries, each alone against the
     * plain floor: {@code no-tracing} (no X-Ray interceptor: what tracing costs, not a setting to
     * keep), {@code defaults-mode} ({@code DefaultsMode.IN_REGION} instead of the one resolved from
     * the environment and profile), {@code no-profile-file} (the settings the SDK would otherwise look
     * up in {@code ~/.aws/config} given as system properties, the profile files pointed at nothing),
     * {@code fixed-endpoint} (an endpoint provider that returns the endpoint at once instead of
     * evaluating the service's endpoint rules).
     */
    public static final Set<String> SETTINGS = Set.of("no-tracing", "defaults-mode", "no-profile-file", "fixed-endpoint");

    private SdkFloor() {
    }

    /** Builds the clients {@code SDK_FLOOR_CLIENTS} names, as the environment's settings say. */
    static List<SdkClient> build() throws ReflectiveOperationException {
        List<SdkClient> clients = new ArrayList<>();
        Map<String, String> env = System.getenv();
        Set<String> settings = Set.of(env.getOrDefault("SDK_FLOOR_SETTINGS", "").split(","));
        if (settings.contains("no-profile-file")) {
            System.setProperty("aws.configFile", "/nonexistent/config");
            System.setProperty("aws.sharedCredentialsFile", "/nonexistent/credentials");
            System.setProperty("aws.defaultsMode", "in-region");
            System.setProperty("aws.retryMode", "standard");
            System.setProperty("aws.useFipsEndpoint", "false");
            System.setProperty("aws.useDualstackEndpoint", "false");
        }
        long start = System.nanoTime();
        // the SDK's first logger starts the logging back end on the class path (here Log4j 2 through SLF4J)
        Class.forName("org.slf4j.LoggerFactory").getMethod("getLogger", String.class).invoke(null, "sdk-floor");
        start = phase("logging", start);
        ExecutionInterceptor tracing = null;
        if (env.get("AWS_XRAY_DAEMON_ADDRESS") != null && !settings.contains("no-tracing")) {
            tracing = (ExecutionInterceptor) Class.forName("com.amazonaws.xray.interceptors.TracingInterceptor")
                    .getConstructor().newInstance();
            start = phase("tracing", start);
        }
        for (String name : env.getOrDefault("SDK_FLOOR_CLIENTS", "").split(",")) {
            if (!name.isBlank()) {
                Class<?> type = Class.forName(name.trim());
                clients.add(build(type.getMethod("builder").invoke(null), env, tracing, settings));
                start = phase(type.getSimpleName(), start);
            }
        }
        return clients;
    }

    private static long phase(String name, long since) {
        long now = System.nanoTime();
        System.out.println("sdk-floor-phase " + name + " " + (now - since));
        return now;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SdkClient build(Object builderObject, Map<String, String> env, ExecutionInterceptor tracing,
                                   Set<String> settings) throws ReflectiveOperationException {
        AwsClientBuilder builder = (AwsClientBuilder) builderObject;
        ((AwsSyncClientBuilder) builder).httpClientBuilder(UrlConnectionHttpClient.builder());
        if (tracing != null) {
            builder.overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(tracing).build());
        }
        builder.region(Region.of(env.get("AWS_REGION")));
        URI endpoint = URI.create(env.getOrDefault("AWS_ENDPOINT_URL", "https://localhost"));
        if (settings.contains("fixed-endpoint")) {
            fixedEndpoint(builder, endpoint);
        } else if (env.get("AWS_ENDPOINT_URL") != null) {
            builder.endpointOverride(endpoint);
        }
        if (settings.contains("defaults-mode")) {
            builder.defaultsMode(DefaultsMode.IN_REGION);
        }
        builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                env.getOrDefault("AWS_ACCESS_KEY_ID", "local"), env.getOrDefault("AWS_SECRET_ACCESS_KEY", "local"))));
        return (SdkClient) builder.build();
    }

    /** The service's own endpoint-provider type, implemented by one that skips the endpoint rules. */
    private static void fixedEndpoint(Object builder, URI endpoint) throws ReflectiveOperationException {
        // through the service's public builder interface: the builder class itself is package-private
        for (Method method : java.util.Arrays.stream(builder.getClass().getInterfaces())
                .flatMap(i -> java.util.Arrays.stream(i.getMethods())).toList()) {
            if (method.getName().equals("endpointProvider") && method.getParameterCount() == 1
                    && method.getParameterTypes()[0].isInterface()
                    // the service's own provider type (the generic EndpointProvider declares nothing)
                    && method.getParameterTypes()[0] != software.amazon.awssdk.endpoints.EndpointProvider.class) {
                Class<?> providerType = method.getParameterTypes()[0];
                Endpoint fixed = Endpoint.builder().url(endpoint).build();
                Object provider = Proxy.newProxyInstance(providerType.getClassLoader(), new Class<?>[] {providerType},
                        (proxy, m, args) -> switch (m.getName()) {
                            case "resolveEndpoint" -> CompletableFuture.completedFuture(fixed);
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            case "toString" -> "FixedEndpointProvider";
                            default -> m.isDefault() ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args)
                                    : null;
                        });
                method.invoke(builder, provider);
                return;
            }
        }
        throw new IllegalStateException(builder.getClass() + " has no endpointProvider(...)");
    }

}
