/**
 * Configuration of the notification service's functions: a validated record read once from the
 * function's environment and a hand-written wiring class that builds each SDK client once, at
 * init (so SnapStart snapshots them). No DI framework.
 */
package com.example.shop.notification.config;
