package com.example.shop.localcloud.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.shop.localcloud.faults.FaultInjection;
import com.example.shop.localcloud.faults.FaultKind;
import com.example.shop.localcloud.faults.InjectedFault;
import com.example.shop.localcloud.model.FunctionDef;
import com.example.shop.platform.FunctionEnvironment;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Plays Lambda's execution environments for one function: each concurrent invocation gets an
 * initialised handler instance of its own (created with the public no-arg constructor, exactly as
 * Lambda does, with the function's environment bound), and idle instances are reused warm.
 *
 * <p>Every invocation consults the {@link FaultInjection} switch first: an injected
 * {@link FaultKind#THROW} fails it before or after the handler, an injected {@link FaultKind#TIMEOUT}
 * fails it after the {@linkplain FaultInjection#timeoutStandIn stand-in} of the function's timeout
 * and throws its execution environment away (Lambda restarts the runtime after a timeout), and the
 * handler's AWS calls run as this function's, for {@link FaultKind#THROTTLE}.
 */
public final class FunctionHost {

    private final FunctionDef function;
    private final Map<String, String> environment;
    private final Clock clock;
    private final InvocationListener listener;
    private final FaultInjection faults;
    private final Activity activity;
    private final Class<?> handlerClass;
    private final ConcurrentLinkedDeque<RequestHandler<Object, Object>> idle = new ConcurrentLinkedDeque<>();

    /**
     * @param function    the function as the template declares it
     * @param platformEnv variables the Lambda service itself adds (region, credentials, endpoint)
     */
    FunctionHost(FunctionDef function, Map<String, String> platformEnv, Clock clock, InvocationListener listener,
                 FaultInjection faults, Activity activity) {
        this.function = function;
        this.activity = activity;
        var env = new java.util.HashMap<>(platformEnv);
        env.putAll(function.environment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        this.environment = Map.copyOf(env);
        this.clock = clock;
        this.listener = listener;
        this.faults = faults;
        try {
            this.handlerClass = Class.forName(function.handlerClass());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Function " + function.logicalId() + " names handler "
                    + function.handlerClass() + ", which is not on the local runtime's classpath", e);
        }
        if (!RequestHandler.class.isAssignableFrom(handlerClass)) {
            throw new IllegalStateException("Handler " + handlerClass.getName() + " of " + function.logicalId()
                    + " does not implement RequestHandler");
        }
        if (!"handleRequest".equals(function.handlerMethod())) {
            throw new IllegalStateException("Handler method " + function.handlerMethod() + " of "
                    + function.logicalId() + ": the local runtime invokes RequestHandler.handleRequest only");
        }
    }

    /** The function's logical id. */
    public String name() {
        return function.logicalId();
    }

    /** The environment the handler is initialised with (template variables plus platform ones). */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Invokes the handler once and reports it; the handler's exception propagates so that the
     * event source decides about retries, as Lambda's do.
     *
     * @param trigger  what invoked it, for the listener
     * @param event    the event object
     * @param traceId  the X-Ray trace header to expose through the context, or {@code null}
     */
    public Object invoke(String trigger, Object event, String traceId) {
        activity.began();
        try {
            return invokeOnce(trigger, event, traceId);
        } finally {
            activity.ended();
        }
    }

    private Object invokeOnce(String trigger, Object event, String traceId) {
        String requestId = UUID.randomUUID().toString();
        RequestHandler<Object, Object> handler;
        try {
            handler = acquire();
        } catch (RuntimeException e) {
            System.err.println("[" + function.logicalId() + " " + requestId + "] init failed: " + e.getMessage());
            throw e;
        }
        Instant start = clock.instant();
        FaultInjection.Planned fault = faults.plan(function.logicalId()).orElse(null);
        boolean environmentLost = false;
        try {
            Object result = fault != null && fault.moment() == FaultInjection.Moment.BEFORE_HANDLER ? null
                    : faults.during(function.logicalId(),
                            () -> handler.handleRequest(event, new LocalContext(function, requestId, clock, traceId)));
            if (fault != null) {
                environmentLost = fault.kind() == FaultKind.TIMEOUT;
                throw injected(fault, start);
            }
            listener.invoked(new InvocationListener.Invocation(function.logicalId(), requestId, trigger, start,
                    Duration.between(start, clock.instant()), outcomeOf(result), null, event, result));
            return result;
        } catch (RuntimeException | Error e) {
            System.err.println("[" + function.logicalId() + " " + requestId + "] invocation failed: " + e);
            listener.invoked(new InvocationListener.Invocation(function.logicalId(), requestId, trigger, start,
                    Duration.between(start, clock.instant()), InvocationListener.Outcome.FAILED, String.valueOf(e), event,
                    null));
            throw e;
        } finally {
            if (!environmentLost) {
                idle.push(handler);
            }
        }
    }

    /** The injected failure, after waiting out the stand-in of the function's timeout for a {@code TIMEOUT}. */
    private InjectedFault injected(FaultInjection.Planned fault, Instant start) {
        if (fault.kind() == FaultKind.TIMEOUT) {
            Duration standIn = FaultInjection.timeoutStandIn(function.timeoutSeconds());
            Duration left = standIn.minus(Duration.between(start, clock.instant()));
            if (left.isPositive()) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new InjectedFault(fault, "Task timed out after " + function.timeoutSeconds() + ".00 seconds"
                    + " (locally after " + standIn.toMillis() + " ms)");
        }
        return new InjectedFault(fault, "Unhandled exception in " + function.logicalId());
    }

    private static InvocationListener.Outcome outcomeOf(Object result) {
        if (result instanceof com.amazonaws.services.lambda.runtime.events.SQSBatchResponse r
                && r.getBatchItemFailures() != null && !r.getBatchItemFailures().isEmpty()) {
            return InvocationListener.Outcome.PARTIALLY_FAILED;
        }
        if (result instanceof com.amazonaws.services.lambda.runtime.events.StreamsEventResponse r
                && r.getBatchItemFailures() != null && !r.getBatchItemFailures().isEmpty()) {
            return InvocationListener.Outcome.PARTIALLY_FAILED;
        }
        return InvocationListener.Outcome.SUCCEEDED;
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<Object, Object> acquire() {
        RequestHandler<Object, Object> warm = idle.poll();
        if (warm != null) {
            return warm;
        }
        try {
            return (RequestHandler<Object, Object>) FunctionEnvironment.with(environment,
                    () -> handlerClass.getConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Init of " + function.logicalId() + " failed: " + e.getCause(), e.getCause());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Handler " + handlerClass.getName() + " needs a public no-arg constructor", e);
        } catch (Exception e) {
            throw new IllegalStateException("Init of " + function.logicalId() + " failed: " + e, e);
        }
    }
}
