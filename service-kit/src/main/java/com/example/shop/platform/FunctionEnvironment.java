package com.example.shop.platform;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The environment variables of the function being initialised.
 *
 * <p>On Lambda this is the process environment, set from the template's {@code Environment}
 * block. The local runtime hosts every function in one JVM, so it binds each function's own
 * variables (resolved from the same template) for the duration of the handler's construction.
 * Handler classes therefore run unchanged in both places: their no-arg constructor reads
 * {@link #current()} and never {@link System#getenv()} directly.
 */
public final class FunctionEnvironment {

    private static final ScopedValue<Map<String, String>> BOUND = ScopedValue.newInstance();

    private FunctionEnvironment() {
    }

    /** The variables bound by the local runtime, else the process environment. */
    public static Map<String, String> current() {
        return BOUND.isBound() ? BOUND.get() : System.getenv();
    }

    /**
     * Runs {@code init} (typically a handler constructor) with {@code variables} as the function's
     * environment.
     */
    public static <T> T with(Map<String, String> variables, Callable<T> init) throws Exception {
        return ScopedValue.where(BOUND, Map.copyOf(variables)).call(init::call);
    }

    /** The value of a required variable, failing at init with a message naming it. */
    public static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set; the function's "
                    + "template entry must define it");
        }
        return value;
    }
}
