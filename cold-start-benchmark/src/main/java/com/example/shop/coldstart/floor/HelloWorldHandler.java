package com.example.shop.coldstart.floor;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The floor of every cold start: a handler that builds nothing and answers a map. Its zip holds this
 * one class, so its init is the JVM plus the runtime's own work.
 */
public final class HelloWorldHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "hello " + event.size();
    }
}
