package com.example.shop.shipping.config;

import com.example.shop.platform.FunctionEnvironment;

import java.util.Map;

/**
 * The settings of the shipping service's function, read once from the environment and checked
 * before anything is built.
 *
 * @param shipmentsTable {@code SHIPMENTS_TABLE}: the service's table (shipments and processed-event markers)
 */
public record ShippingConfig(String shipmentsTable) {

    public ShippingConfig {
        if (shipmentsTable == null || shipmentsTable.isBlank()) {
            throw new IllegalArgumentException("SHIPMENTS_TABLE must name the shipments table");
        }
    }

    /** Reads and checks the settings. */
    public static ShippingConfig from(Map<String, String> env) {
        return new ShippingConfig(FunctionEnvironment.required(env, "SHIPMENTS_TABLE"));
    }
}
