package com.example.shop.coldstart.floor;

import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import software.amazon.awssdk.core.SdkClient;

/** The SDK floor ({@link SdkFloor}) of a function triggered by an SQS queue: the same event and response types. */
public final class SdkFloorSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final List<SdkClient> clients;

    public SdkFloorSqsHandler() throws ReflectiveOperationException {
        clients = SdkFloor.build();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return null;
    }
}
