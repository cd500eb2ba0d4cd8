package com.example.shop.notification.testing;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

import java.util.ArrayList;
import java.util.List;

/** An SNS client that records every publish request; can be told to fail the next ones. */
public final class RecordingSnsClient implements SnsClient {

    private final List<PublishRequest> published = new ArrayList<>();
    private int failuresToCome;

    @Override
    public synchronized PublishResponse publish(PublishRequest request) {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw SnsException.builder().message("simulated SNS failure").statusCode(500).build();
        }
        published.add(request);
        return PublishResponse.builder().messageId("sns-" + published.size()).build();
    }

    public synchronized void failNext(int times) {
        failuresToCome = times;
    }

    public synchronized List<PublishRequest> published() {
        return List.copyOf(published);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
