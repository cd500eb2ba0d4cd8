package com.example.shop.coldstart.floor;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.core.SdkClient;

/** The SDK floor ({@link SdkFloor}) for a function of any other event type, and for the settings run. */
public final class SdkFloorHandler implements RequestHandler<Map<String, Object>, String> {

    private final List<SdkClient> clients;

    public SdkFloorHandler() throws ReflectiveOperationException {
        clients = SdkFloor.build();
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return clients.size() + " clients";
    }
}
