package com.example.shop.coldstart;

import java.nio.file.Path;
import java.util.Map;

/**
 * One function as the benchmark starts it.
 *
 * @param logicalId      the template's logical id
 * @param handler        the {@code Handler} property, {@code class::method}
 * @param zip            its deployment package (the template's {@code CodeUri})
 * @param environment    the template's variables, resolved against the local cloud
 * @param memoryMb       {@code MemorySize}: the managed runtime sizes the heap from it
 * @param timeoutSeconds {@code Timeout}
 * @param eventJson      a recorded event it handled on the local cloud, or {@code null}
 */
record FunctionUnderTest(String logicalId, String handler, Path zip, Map<String, String> environment, int memoryMb,
                         int timeoutSeconds, String eventJson) {

    /** The zip's name without {@code -lambda.zip}, e.g. {@code order-service}. */
    String service() {
        return zip.getFileName().toString().replace("-lambda.zip", "");
    }
}
