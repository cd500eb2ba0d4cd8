package com.example.shop.coldstart;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.example.shop.localcloud.runtime.InvocationListener;

/**
 * Keeps the first event each function handled successfully while the shop runs on the local
 * cloud: real events, produced by the real services, for the measured JVMs to replay.
 */
final class EventCapture implements InvocationListener {

    private final Map<String, Object> firstEvents = new ConcurrentHashMap<>();
    private final Map<String, Integer> invocations = new ConcurrentHashMap<>();

    @Override
    public void invoked(Invocation invocation) {
        invocations.merge(invocation.function(), 1, Integer::sum);
        if (invocation.outcome() == Outcome.SUCCEEDED && invocation.event() != null) {
            firstEvents.putIfAbsent(invocation.function(), invocation.event());
        }
    }

    /** The first event the function handled without failing, if any. */
    Object firstEvent(String function) {
        return firstEvents.get(function);
    }

    boolean captured(String function) {
        return firstEvents.containsKey(function);
    }

    int invocations(String function) {
        return invocations.getOrDefault(function, 0);
    }
}
