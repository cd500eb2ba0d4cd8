package com.example.shop.platform;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The HTTP client under every AWS SDK client of the shop ({@link AwsClients}): the real one, except
 * while the calling thread primes ({@link Priming}), when each request — marshalled and signed as
 * usual — is sent to the {@link PrimingEndpoint} on the loopback interface instead of to AWS. So a
 * primed function has been through its real request path, HTTP client included, without touching
 * a table, queue, bus or topic.
 */
final class PrimingHttpClient implements SdkHttpClient {

    private final SdkHttpClient delegate;

    PrimingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!PrimingEndpoint.answering()) {
            return delegate.prepareRequest(request);
        }
        PrimingEndpoint local = PrimingEndpoint.current();
        return delegate.prepareRequest(HttpExecuteRequest.builder()
                .request(request.httpRequest().toBuilder().protocol("http").host(local.host()).port(local.port()).build())
                .contentStreamProvider(request.contentStreamProvider().orElse(null))
                .metricCollector(request.metricCollector().orElse(null))
                .build());
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
