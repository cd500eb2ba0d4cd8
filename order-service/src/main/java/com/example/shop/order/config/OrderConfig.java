package com.example.shop.order.config;

import com.example.shop.platform.FunctionEnvironment;

import java.util.Map;

/**
 * The order service's settings, read once from the function's environment.
 *
 * @param ordersTable the orders table (orders, price table and processed-event markers)
 */
public record OrderConfig(String ordersTable) {

    public static OrderConfig from(Map<String, String> env) {
        return new OrderConfig(FunctionEnvironment.required(env, "ORDERS_TABLE"));
    }
}
