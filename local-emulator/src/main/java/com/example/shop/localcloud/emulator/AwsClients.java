package com.example.shop.localcloud.emulator;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

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

    private static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local-cloud", "local-cloud"));

    private final URI endpoint;

    public AwsClients(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
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
        return builder
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(DUMMY_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Override
    public String toString() {
        return "AwsClients[" + endpoint + "]";
    }
}
