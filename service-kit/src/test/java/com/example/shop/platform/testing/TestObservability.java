package com.example.shop.platform.testing;

import java.util.Map;

import com.example.shop.platform.Observability;

/** The observability a handler under test runs with: logs and metrics named after its service. */
public final class TestObservability {

    private TestObservability() {
    }

    /** What {@code FunctionWiring} gives a function of {@code service} whose template sets nothing more. */
    public static Observability of(String service) {
        return new Observability(Map.of("POWERTOOLS_SERVICE_NAME", service));
    }
}
