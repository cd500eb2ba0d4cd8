package com.example.shop.coldstart.floor;

import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import software.amazon.awssdk.core.SdkClient;

/** The SDK floor ({@link SdkFloor}) of a function triggered by a DynamoDB stream: the same event and response types. */
public final class SdkFloorStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final List<SdkClient> clients;

    public SdkFloorStreamHandler() throws ReflectiveOperationException {
        clients = SdkFloor.build();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return null;
    }
}
