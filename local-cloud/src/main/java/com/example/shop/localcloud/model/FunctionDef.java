package com.example.shop.localcloud.model;

import java.util.Map;
import java.util.Objects;

/**
 * One Lambda function of the template, as the local runtime plays it.
 *
 * @param logicalId      the template's logical id (e.g. {@code PlaceOrderFunction})
 * @param handlerClass   fully qualified handler class, from the {@code Handler} property
 * @param handlerMethod  the method after {@code ::}, {@code handleRequest} when absent
 * @param environment    environment variables with every intrinsic resolved against the stack
 * @param timeoutSeconds the function's timeout; the runtime's {@code Context} counts down from it
 * @param memoryMb       the function's memory size, reported by {@code Context}
 */
public record FunctionDef(
        String logicalId,
        String handlerClass,
        String handlerMethod,
        Map<String, String> environment,
        int timeoutSeconds,
        int memoryMb) {

    public FunctionDef {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(handlerClass, "handlerClass");
        handlerMethod = handlerMethod == null || handlerMethod.isBlank() ? "handleRequest" : handlerMethod;
        environment = Map.copyOf(environment);
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeoutSeconds must be positive for " + logicalId);
        }
    }
}
