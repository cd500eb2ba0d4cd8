/**
 * The floors a function's cold start is compared with. These classes never run in the benchmark's
 * own JVM: each is copied into a task root of its own and loaded from there by the runtime's class
 * loader, like a function's handler.
 */
package com.example.shop.coldstart.floor;
