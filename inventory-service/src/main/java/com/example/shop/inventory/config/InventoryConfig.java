package com.example.shop.inventory.config;

import com.example.shop.platform.FunctionEnvironment;

import java.util.Map;

/**
 * The inventory functions' settings, read once from the environment and checked at init so a
 * misconfigured function fails on its first cold start rather than on its first event.
 *
 * @param tableName the service's DynamoDB table ({@code INVENTORY_TABLE}): stock items, order
 *                  records and the consumers' processed-event markers
 */
public record InventoryConfig(String tableName) {

    /** The variable that names the service's table. */
    public static final String TABLE_VARIABLE = "INVENTORY_TABLE";

    public InventoryConfig {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("tableName must not be blank");
        }
    }

    /** The configuration in a function's environment. */
    public static InventoryConfig from(Map<String, String> env) {
        return new InventoryConfig(FunctionEnvironment.required(env, TABLE_VARIABLE));
    }
}
