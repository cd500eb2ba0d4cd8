/**
 * Lambda plumbing shared by every service's handlers and wiring, free of business rules: the
 * function's environment, AWS clients built once, idempotent consumption of event batches, and
 * HTTP API request and response helpers. A service's {@code handler} and {@code config} packages
 * use it; its {@code domain} package never does.
 */
package com.example.shop.platform;
