/**
 * What runs inside each measured JVM: the runtime's handler loading and invocation, and nothing of
 * the benchmark's own. Depends only on the JDK and the jars the managed Java runtime ships.
 */
package com.example.shop.coldstart.probe;
