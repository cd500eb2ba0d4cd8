package com.example.shop.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.entities.Subsegment;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What every handler does around its work so that one order can be followed across every hop:
 * Powertools structured logging (function, request id, cold start on every line), the service
 * name, and an X-Ray subsegment around the domain step annotated with the order and event.
 *
 * <p>Handlers call {@link #handle(Context, Supplier)} as the whole body of {@code handleRequest};
 * consumers set the event's correlation id, event id, causation id and order id before logging
 * anything ({@link SqsEventConsumer} does it per message, HTTP handlers through
 * {@link #correlate(String)}).
 */
public final class Observability {

    /** The log fields that belong to one invocation's event or request, never to the next one. */
    private static final java.util.List<String> CORRELATION_KEYS =
            java.util.List.of("correlationId", "eventId", "causationId", "eventType", "orderId");

    private final String service;
    private final ShopMetrics metrics;
    private final AtomicBoolean cold = new AtomicBoolean(true);

    /** The observability of one function, named after its service ({@code POWERTOOLS_SERVICE_NAME}). */
    public Observability(Map<String, String> env) {
        this.service = env.getOrDefault("POWERTOOLS_SERVICE_NAME", "shop");
        this.metrics = new ShopMetrics(env);
    }

    public String service() {
        return service;
    }

    /** The function's business metrics. */
    public ShopMetrics metrics() {
        return metrics;
    }

    /**
     * Runs one invocation with the function's logging context set, and clears it afterwards. The
     * first invocation of an execution environment also counts its cold start.
     */
    public <T> T handle(Context context, Supplier<T> invocation) {
        if (context == null) {
            // unit tests that call a handler without a Lambda context: nothing to attach
            return invocation.get();
        }
        // a priming run (SnapStart) goes through the cold-start path too, but leaves it to the first real invocation
        if (PrimingEndpoint.answering() ? cold.get() : cold.compareAndSet(true, false)) {
            metrics.coldStart(context.getFunctionName());
        }
        return PowertoolsLogging.withLogging(context, () -> {
            MDC.put("service", service);
            try {
                return invocation.get();
            } finally {
                CORRELATION_KEYS.forEach(MDC::remove);
            }
        });
    }

    /** Puts the correlation id of an HTTP request (or any root cause) on every following log line. */
    public static void correlate(String correlationId) {
        MDC.put("correlationId", correlationId);
    }

    /**
     * Runs a domain step inside an X-Ray subsegment annotated with {@code orderId} and
     * {@code eventType}, so a trace can be searched by order. Without an active trace (tests, the
     * local cloud without a daemon) the step simply runs.
     */
    public static <T> T traced(String step, String orderId, String eventType, Supplier<T> work) {
        if (!Tracing.ACTIVE) {
            return work.get();
        }
        Subsegment subsegment = AWSXRay.beginSubsegment(step);
        try {
            if (orderId != null) {
                subsegment.putAnnotation("orderId", orderId);
            }
            if (eventType != null) {
                subsegment.putAnnotation("eventType", eventType);
            }
            return work.get();
        } catch (RuntimeException e) {
            subsegment.addException(e);
            throw e;
        } finally {
            AWSXRay.endSubsegment();
        }
    }

    /** Whether X-Ray tracing is on: only where Lambda runs the function with active tracing. */
    static final class Tracing {
        static final boolean ACTIVE = System.getenv("_X_AMZN_TRACE_ID") != null
                || System.getenv("AWS_XRAY_DAEMON_ADDRESS") != null;

        private Tracing() {
        }
    }
}
