package com.example.shop.localcloud.faults;

/**
 * The failure of an invocation that the fault-injection switch made fail: what the event source
 * (or the HTTP API) sees instead of the handler's result. Its message says it was injected, so a
 * log line is never mistaken for a real bug.
 */
public final class InjectedFault extends RuntimeException {

    private final FaultInjection.Planned planned;

    public InjectedFault(FaultInjection.Planned planned, String message) {
        super(message + " [fault injected by the local cloud: " + planned.kind() + ", "
                + planned.moment().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "]", null, false, false);
        this.planned = planned;
    }

    /** What was injected. */
    public FaultInjection.Planned planned() {
        return planned;
    }
}
