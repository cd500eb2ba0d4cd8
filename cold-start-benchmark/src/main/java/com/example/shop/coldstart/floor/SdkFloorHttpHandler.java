package com.example.shop.coldstart.floor;

import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import software.amazon.awssdk.core.SdkClient;

/** The SDK floor ({@link SdkFloor}) of a function behind the HTTP API: the same event and response types. */
public final class SdkFloorHttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final List<SdkClient> clients;

    public SdkFloorHttpHandler() throws ReflectiveOperationException {
        clients = SdkFloor.build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return null;
    }
}
