package com.example.shop.platform;

import com.example.shop.events.EventPublisher;
import com.example.shop.events.codec.EventCodec;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Builds a function's connection to the shop's event bus. */
final class EventBusWiring {

    private EventBusWiring() {
    }

    /** The publisher for the bus named {@code busName}, with the default retry of failed entries. */
    static EventPublisher publisher(EventBridgeClient client, String busName, EventCodec codec) {
        return new EventBridgePublisher(client, busName, codec, RetryPolicy.DEFAULT, Sleeper.threadSleep(),
                EventBusWiring::currentTraceHeader);
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
