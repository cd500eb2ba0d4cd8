/**
 * Configuration of the order service's functions: one hand-written wiring class, built from the
 * function's environment at init on the platform's {@code FunctionWiring} (which validates each
 * variable it reads and builds each SDK client once, so SnapStart snapshots them). No DI framework.
 */
package com.example.shop.order.config;
