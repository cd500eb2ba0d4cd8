package com.example.shop.inventory.config;

import com.example.shop.platform.FunctionEnvironment;

import java.time.Duration;
import java.util.Map;

/**
 * The inventory functions' settings, read once from the environment and checked at init so a
 * misconfigured function fails on its first cold start rather than on its first event.
 *
 * @param tableName the service's DynamoDB table ({@code INVENTORY_TABLE})
 * @param processedEventsRetention how long a consumer remembers an event id it handled: longer
 *                                 than SQS keeps a message (4 days by default) and EventBridge
 *                                 retries a target (1 day). Beyond it, a replay is still harmless
 *                                 because every state change is keyed by order id.
 */
public record InventoryConfig(String tableName, Duration processedEventsRetention) {

    /** The variable that names the service's table. */
    public static final String TABLE_VARIABLE = "INVENTORY_TABLE";

    private static final Duration PROCESSED_EVENTS_RETENTION = Duration.ofDays(14);

    public InventoryConfig {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("tableName must not be blank");
        }
        if (processedEventsRetention == null || processedEventsRetention.isNegative()
                || processedEventsRetention.isZero()) {
            throw new IllegalArgumentException("processedEventsRetention must be positive");
        }
    }

    /** The configuration in a function's environment. */
    public static InventoryConfig from(Map<String, String> env) {
        return new InventoryConfig(FunctionEnvironment.required(env, TABLE_VARIABLE), PROCESSED_EVENTS_RETENTION);
    }
}
