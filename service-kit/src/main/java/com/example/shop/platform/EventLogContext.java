package com.example.shop.platform;

import org.slf4j.MDC;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderScoped;

/** An event's identity on every log line written while it is handled or published. */
final class EventLogContext {

    private EventLogContext() {
    }

    static void set(EventEnvelope<?> envelope) {
        MDC.put("correlationId", envelope.metadata().correlationId());
        MDC.put("eventId", envelope.metadata().eventId());
        MDC.put("causationId", envelope.metadata().causationId());
        MDC.put("eventType", envelope.metadata().eventType());
        if (envelope.data() instanceof OrderScoped scoped) {
            MDC.put("orderId", scoped.orderId());
        }
    }

    static void clear() {
        MDC.remove("correlationId");
        MDC.remove("eventId");
        MDC.remove("causationId");
        MDC.remove("eventType");
        MDC.remove("orderId");
    }
}
