package com.example.shop.platform;

import com.example.shop.events.EventPublisher;
import com.example.shop.events.adapter.EventBridgePublisher;
import com.example.shop.events.adapter.RetryPolicy;
import com.example.shop.events.adapter.Sleeper;
import com.example.shop.events.codec.EventCodec;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.util.Map;

/**
 * Builds a function's connection to the shop's event bus, named by the {@code EVENT_BUS_NAME}
 * variable every function gets from the template's globals.
 */
public final class EventBusWiring {

    private EventBusWiring() {
    }

    /** The publisher for the shop's bus, with the default retry of failed entries. */
    public static EventPublisher publisher(AwsClients clients, Map<String, String> env, EventCodec codec) {
        EventBridgeClient client = clients.build(EventBridgeClient.builder());
        return new EventBridgePublisher(client, FunctionEnvironment.required(env, "EVENT_BUS_NAME"), codec,
                RetryPolicy.DEFAULT, Sleeper.threadSleep(), EventBusWiring::currentTraceHeader);
    }

    /**
     * The X-Ray trace header of the invocation in progress, which the Java runtime keeps in a
     * system property (the environment variable cannot change between invocations). Sent with
     * PutEvents, it lets EventBridge continue the trace to the targets of its rules.
     */
    private static String currentTraceHeader() {
        String header = System.getProperty("com.amazonaws.xray.traceHeader");
        return header != null ? header : System.getenv("_X_AMZN_TRACE_ID");
    }
}
