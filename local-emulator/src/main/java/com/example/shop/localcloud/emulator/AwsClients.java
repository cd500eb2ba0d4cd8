package com.example.shop.localcloud.emulator;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Builds AWS SDK clients that talk to an emulator instead of AWS: endpoint overridden, region
 * {@code us-east-1}, dummy static credentials (the emulator accepts any), and the
 * URL-connection HTTP client the whole project uses.
 *
 * <pre>{@code
 * AwsClients aws = new AwsClients(moto.endpoint());
 * try (SqsClient sqs = aws.build(SqsClient.builder())) { ... }
 * }</pre>
 */
public final class AwsClients {

    /** The region every local resource lives in. */
    public static final Region REGION = Region.US_EAST_1;
    /** The account id moto puts into every ARN it makes. */
    public static final String ACCOUNT_ID = "123456789012";

    private final URI endpoint;
    private final com.example.shop.platform.AwsClients clients;

    public AwsClients(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        // the same client factory the functions use, given the environment the local Lambda
        // service hands them: one place decides how a client is built
        this.clients = new com.example.shop.platform.AwsClients(Map.of(
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_REGION", REGION.id(),
                "AWS_ACCESS_KEY_ID", "local-cloud",
                "AWS_SECRET_ACCESS_KEY", "local-cloud"));
    }

    /** The emulator endpoint these clients call. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Configures {@code builder} for the emulator and builds the client; the caller closes it.
     * Further settings (e.g. a retry strategy) can be applied to the builder beforehand.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        return clients.build(builder);
    }

    @Override
    public String toString() {
        return "AwsClients[" + endpoint + "]";
    }
}
