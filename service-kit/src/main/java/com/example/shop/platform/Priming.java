package com.example.shop.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised function, the function
 * runs its own hot path once on a sample event, so that the snapshot already holds every class
 * and cache the first real invocation would otherwise load (issue #12).
 *
 * <p>A handler takes part with one line in its Lambda constructor,
 * {@code Priming.register(this, "priming/place-order.json")}. The hook ({@code org.crac}, which
 * the runtime routes to its own checkpoint context) then does what the runtime does for an
 * invocation: reads the sample event through the runtime's own event serializer, calls
 * {@code handleRequest}, and writes the response through the same serializer. Nothing of it
 * reaches real data or real output:
 * <ul>
 *   <li>every AWS SDK call is answered by a {@link PrimingEndpoint} on the loopback interface
 *       ({@link PrimingHttpClient}, which {@link AwsClients} puts under every client): requests are
 *       marshalled, signed and sent through the real HTTP client, but never to AWS;</li>
 *   <li>standard output — log lines and embedded-metric lines — is discarded while priming, so no
 *       business metric is counted and no log line describes the sample as a fact;</li>
 *   <li>with active tracing the sample runs under an unsampled trace header, so no segment leaves;</li>
 *   <li>the cold start stays the first real invocation's ({@link Observability}, Powertools).</li>
 * </ul>
 * Priming never fails the checkpoint: a sample that the handler refuses still warms what it
 * reached, and the failure is reported on standard error.
 */
public final class Priming implements Resource {

    private static final String UNSAMPLED_TRACE = "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0";
    private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    /**
     * org.crac and the runtime hold registered resources weakly: the latest registration of each
     * handler class is kept here for the life of the execution environment.
     */
    private static final Map<Class<?>, Priming> REGISTERED = new ConcurrentHashMap<>();

    private final RequestHandler<Object, Object> handler;
    private final String sampleEvent;
    private final String functionName;

    @SuppressWarnings("unchecked")
    private Priming(RequestHandler<?, ?> handler, String sampleEvent, String functionName) {
        this.handler = (RequestHandler<Object, Object>) handler;
        this.sampleEvent = sampleEvent;
        this.functionName = functionName;
    }

    /**
     * Takes part in the function's SnapStart checkpoint: before the snapshot, {@code handler} is
     * called once with the event in the classpath resource {@code sampleEvent}.
     */
    public static void register(RequestHandler<?, ?> handler, String sampleEvent) {
        Priming priming = of(handler, sampleEvent);
        REGISTERED.put(handler.getClass(), priming);
        org.crac.Core.getGlobalContext().register(priming);
    }

    /** The priming of {@code handler}, not yet registered; fails at init when the sample is missing. */
    static Priming of(RequestHandler<?, ?> handler, String sampleEvent) {
        if (handler.getClass().getClassLoader().getResource(sampleEvent) == null) {
            throw new IllegalStateException("Priming sample " + sampleEvent + " is not on the classpath");
        }
        return new Priming(handler, sampleEvent,
                FunctionEnvironment.current().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", handler.getClass().getSimpleName()));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Outcome outcome = prime();
        if (outcome instanceof Outcome.Failed failed) {
            System.err.println("Priming " + functionName + " with " + sampleEvent + " stopped early: " + failed.reason());
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to renew: clients resolve credentials and connections on their next call
    }

    /** How one priming run went: the handler answered, or it stopped (what it reached is warm either way). */
    sealed interface Outcome {
        record Primed(long requestsAnswered) implements Outcome {
        }

        record Failed(String reason, long requestsAnswered) implements Outcome {
        }
    }

    /** Runs the handler once on the sample event, with every side effect held back. */
    Outcome prime() {
        PrintStream out = System.out;
        String trace = System.getProperty(TRACE_PROPERTY);
        try (PrimingEndpoint endpoint = PrimingEndpoint.start()) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), false));
            if (Observability.Tracing.ACTIVE) {
                System.setProperty(TRACE_PROPERTY, UNSAMPLED_TRACE);
            }
            try {
                endpoint.answerWhile(this::invokeAsTheRuntimeDoes);
                return new Outcome.Primed(endpoint.requestsAnswered());
            } catch (Exception | LinkageError e) {
                return new Outcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), endpoint.requestsAnswered());
            }
        } catch (IOException e) {
            return new Outcome.Failed("no loopback endpoint: " + e.getMessage(), 0);
        } finally {
            System.setOut(out);
            if (trace == null) {
                System.clearProperty(TRACE_PROPERTY);
            } else {
                System.setProperty(TRACE_PROPERTY, trace);
            }
            PowertoolsColdStart.reset();
        }
    }

    private Object invokeAsTheRuntimeDoes() throws IOException {
        Object input;
        try (InputStream in = handler.getClass().getClassLoader().getResourceAsStream(sampleEvent)) {
            input = runtimeSerializer(0).fromJson(new ByteArrayInputStream(in.readAllBytes()));
        }
        Object output = handler.handleRequest(input, new PrimingContext(functionName));
        runtimeSerializer(1).toJson(output, OutputStream.nullOutputStream());
        return output;
    }

    /**
     * The serializer the runtime interface client picks for the handler's input type (its
     * {@code EventHandlerLoader}): Lambda's own event serializers for the event library's types,
     * its Jackson factory for anything else. The library is the runtime's, found through the
     * function's class loader's parent as the runtime itself finds it.
     */
    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> runtimeSerializer(int typeArgument) {
        Type type = handlerType(handler.getClass(), typeArgument);
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, handler.getClass().getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** The handler's input (0) or output (1) type, as the runtime reads it from {@code RequestHandler<I, O>}. */
    private static Type handlerType(Class<?> handlerClass, int typeArgument) {
        for (Type type : handlerClass.getGenericInterfaces()) {
            if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                return p.getActualTypeArguments()[typeArgument];
            }
        }
        throw new IllegalStateException(handlerClass.getName() + " does not implement RequestHandler<I, O> directly");
    }

    /**
     * Powertools logging marks its first invocation as the cold start and remembers it in a static
     * flag; priming went through that path, so the flag is put back for the first real invocation.
     */
    private static final class PowertoolsColdStart {
        static void reset() {
            try {
                Field flag = Class.forName("software.amazon.lambda.powertools.common.internal.LambdaHandlerProcessor")
                        .getDeclaredField("isColdStart");
                flag.setAccessible(true);
                flag.set(null, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a Powertools without the flag: its cold_start log field may then read false
            }
        }
    }

    /** The Lambda context of the priming call: the function's name, a request id that says what it is. */
    private record PrimingContext(String functionName) implements Context {
        @Override
        public String getAwsRequestId() {
            return "priming";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "priming";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:priming:000000000000:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                }

                @Override
                public void log(byte[] message) {
                }
            };
        }
    }
}
