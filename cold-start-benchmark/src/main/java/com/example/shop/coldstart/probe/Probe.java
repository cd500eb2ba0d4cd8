package com.example.shop.coldstart.probe;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;

/**
 * The child JVM of one measurement: plays the managed Java runtime for one function, once.
 *
 * <p>It does what the runtime interface client's {@code AWSLambda.main} does between starting and
 * polling for the first event: builds the runtime's own {@code CustomerClassLoader} over the task
 * root and its {@code lib/*.jar}, loads and constructs the handler with the runtime's own
 * {@code findRequestHandler} (which also picks the event serializer), and then hands it events as
 * the runtime would, as bytes through {@code LambdaRequestHandler.call}. Only the HTTP round trips to
 * the Runtime API are left out. It measures from the parent's clock ({@code System.nanoTime} is
 * CLOCK_MONOTONIC, shared by every process on the machine), so "init" is the whole process start
 * plus handler construction, as Lambda's Init Duration counts it.
 *
 * <p>Arguments: {@code key=value} pairs: {@code handler}, {@code t0} (parent's nanoTime just
 * before the process was started), {@code result} (file to write), {@code classLog} (the file
 * {@code -Xlog:class+load} writes; its line count is the number of classes loaded so far),
 * optional {@code event}, {@code warmEvent} (JSON files), {@code loader=app} (the zip is on the JVM's
 * class path instead, as an AOT cache needs), {@code prime=true} (call the runtime's
 * {@code beforeCheckpoint}/{@code afterRestore} hooks between init and the first event, as
 * SnapStart does), {@code function} and {@code timeoutSeconds}.
 *
 * <p>It prints nothing of its own on standard output (the handler's logs go there) and writes its
 * results as a properties file.
 */
public final class Probe {

    private Probe() {
    }

    public static void main(String[] args) throws Throwable {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        long t0 = Long.parseLong(a.get("t0"));
        Path classLog = Path.of(a.get("classLog"));
        Map<String, String> result = new LinkedHashMap<>();
        int exit = 0;
        try {
            exit = run(a, t0, classLog, result);
        } catch (Throwable e) {
            result.put("error", oneLine(e));
            exit = 3;
        }
        StringBuilder out = new StringBuilder();
        result.forEach((k, v) -> out.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n'));
        Files.writeString(Path.of(a.get("result")), out.toString(), StandardCharsets.UTF_8);
        System.out.flush();
        Runtime.getRuntime().halt(exit);
    }

    private static int run(Map<String, String> a, long t0, Path classLog, Map<String, String> result)
            throws Throwable {
        // --- init: what the runtime does before its first "next invocation" call ---
        // With the zip on the JVM's class path (loader=app, for the AOT cache) the runtime's loader is
        // an empty URLClassLoader over it: every class comes from the class path, as a cache needs.
        URLClassLoader loader = "app".equals(a.get("loader"))
                ? new URLClassLoader(new URL[0], ClassLoader.getSystemClassLoader())
                : customerClassLoader(System.getProperty("user.dir"));
        // AWSLambda.main keeps the customer loader in a static field, from which the runtime's
        // serializers load the event classes; set it as main does.
        Field field = Class.forName("com.amazonaws.services.lambda.runtime.api.client.AWSLambda")
                .getDeclaredField("customerClassLoader");
        field.setAccessible(true);
        field.set(null, loader);
        Thread.currentThread().setContextClassLoader(loader);
        LambdaRequestHandler handler = findRequestHandler(a.get("handler"), loader);
        long initNanos = System.nanoTime() - t0;
        long classesAtInit = lines(classLog);
        result.put("initNanos", Long.toString(initNanos));
        result.put("classesAtInit", Long.toString(classesAtInit));
        if (handler.getClass().getName().endsWith("UserFaultHandler")) {
            result.put("error", "init failed: " + userFault(handler));
            return 2;
        }

        // --- priming: the hooks a handler registered with org.crac (the runtime's implementation) ---
        int hooks = registeredHooks();
        result.put("primingHooks", Integer.toString(hooks));
        if (Boolean.parseBoolean(a.getOrDefault("prime", "false")) && hooks > 0) {
            // The runtime loads its JNI library when it starts its Runtime API client; the checkpoint
            // context needs it (it clears the JVM's DNS cache natively before the snapshot).
            Method load = Class.forName("com.amazonaws.services.lambda.runtime.api.client.runtimeapi.JniHelper")
                    .getDeclaredMethod("load");
            load.setAccessible(true);
            load.invoke(null);
            long p = System.nanoTime();
            Object context = cracContext();
            context.getClass().getMethod("beforeCheckpoint", contextType()).invoke(context, (Object) null);
            context.getClass().getMethod("afterRestore", contextType()).invoke(context, (Object) null);
            result.put("primingNanos", Long.toString(System.nanoTime() - p));
            result.put("classesAfterPriming", Long.toString(lines(classLog)));
        }

        // --- first (cold) and second (warm) invocation ---
        if (a.containsKey("event")) {
            long s = System.nanoTime();
            String response = invoke(handler, a, Path.of(a.get("event")));
            result.put("firstInvokeNanos", Long.toString(System.nanoTime() - s));
            long classesAfterFirst = lines(classLog);
            result.put("classesAfterFirstInvoke", Long.toString(classesAfterFirst));
            Runtime rt = Runtime.getRuntime();
            result.put("heapUsedBytes", Long.toString(rt.totalMemory() - rt.freeMemory()));
            result.put("heapCommittedBytes", Long.toString(rt.totalMemory()));
            result.put("rssKb", Long.toString(procStatus("VmRSS:")));
            result.put("firstResponse", abbreviate(response));
            if (a.containsKey("warmEvent")) {
                long w = System.nanoTime();
                String warm = invoke(handler, a, Path.of(a.get("warmEvent")));
                result.put("warmInvokeNanos", Long.toString(System.nanoTime() - w));
                result.put("warmResponse", abbreviate(warm));
            }
            result.put("rssPeakKb", Long.toString(procStatus("VmHWM:")));
        }
        // After every measurement: which AWS SDK clients the handler holds (for its SDK floor).
        result.put("sdkClients", String.join(",", sdkClientsReachableFrom(handler)));
        // after every measurement too: loading the class again costs nothing once it is loaded
        result.put("inputType", inputType(Class.forName(a.get("handler").split("::")[0], false, loader)));
        return 0;
    }

    /** The event type {@code I} of the {@code RequestHandler<I, O>} the handler class implements, or "". */
    static String inputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Type t : c.getGenericInterfaces()) {
                if (t instanceof java.lang.reflect.ParameterizedType p
                        && p.getRawType().getTypeName().equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
                    return p.getActualTypeArguments()[0].getTypeName();
                }
            }
        }
        return "";
    }

    /** The runtime's own class loader: the task root, then its lib/*.jar in lexical order. */
    private static URLClassLoader customerClassLoader(String taskRoot) throws ReflectiveOperationException {
        Class<?> type = Class.forName("com.amazonaws.services.lambda.runtime.api.client.CustomerClassLoader");
        Constructor<?> constructor = type.getDeclaredConstructor(String.class, String.class, ClassLoader.class);
        constructor.setAccessible(true);
        return (URLClassLoader) constructor.newInstance(taskRoot, "/opt/java", ClassLoader.getSystemClassLoader());
    }

    private static LambdaRequestHandler findRequestHandler(String handler, ClassLoader loader)
            throws ReflectiveOperationException {
        Class<?> lambda = Class.forName("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
        Method find = lambda.getDeclaredMethod("findRequestHandler", String.class, ClassLoader.class);
        find.setAccessible(true);
        return (LambdaRequestHandler) find.invoke(null, handler, loader);
    }

    /** The runtime's own account of a failed init ({@code UserFault.reportableError()}). */
    private static String userFault(LambdaRequestHandler handler) {
        try {
            for (Field field : handler.getClass().getDeclaredFields()) {
                field.setAccessible(true);
                Object value = field.get(handler);
                if (value != null && value.getClass().getName().endsWith("UserFault")) {
                    Method reportable = value.getClass().getMethod("reportableError");
                    reportable.setAccessible(true);
                    return String.valueOf(reportable.invoke(value));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // the class name alone says init failed
        }
        return handler.getClass().getName();
    }

    private static String invoke(LambdaRequestHandler handler, Map<String, String> a, Path event) throws Exception {
        InvocationRequest request = new InvocationRequest();
        request.setId(UUID.randomUUID().toString());
        request.setInvokedFunctionArn("arn:aws:lambda:us-east-1:000000000000:function:" + a.get("function"));
        request.setDeadlineTimeInMs(System.currentTimeMillis()
                + 1000L * Integer.parseInt(a.getOrDefault("timeoutSeconds", "20")));
        String trace = "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + ";Parent="
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + ";Sampled=1";
        request.setXrayTraceId(trace);
        // as the runtime does before every call: the trace header for the X-Ray SDK
        System.setProperty("com.amazonaws.xray.traceHeader", trace);
        request.setContent(Files.readAllBytes(event));
        return handler.call(request).toString(StandardCharsets.UTF_8);
    }

    private static Object cracContext() throws ReflectiveOperationException {
        return Class.forName("com.amazonaws.services.lambda.crac.Core").getMethod("getGlobalContext").invoke(null);
    }

    private static Class<?> contextType() throws ClassNotFoundException {
        return Class.forName("com.amazonaws.services.lambda.crac.Context");
    }

    /** Resources registered with the runtime's global CRaC context (org.crac delegates to it). */
    private static int registeredHooks() {
        try {
            Object context = cracContext();
            Field queue = context.getClass().getDeclaredField("checkpointQueue");
            queue.setAccessible(true);
            return ((Map<?, ?>) queue.get(context)).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static long lines(Path file) throws IOException {
        long count = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static long procStatus(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
            }
        }
        return -1;
    }

    /**
     * The AWS SDK client interfaces (e.g. {@code DynamoDbClient}) of every client object reachable
     * from the handler, with repeats: a function holding two DynamoDB clients lists it twice.
     */
    static java.util.List<String> sdkClientsReachableFrom(Object root) {
        java.util.List<String> clients = new java.util.ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.add(root);
        int budget = 200_000;
        while (!todo.isEmpty() && budget-- > 0) {
            Object o = todo.poll();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> type = o.getClass();
            String client = sdkClientInterface(type);
            if (client != null) {
                clients.add(client);
                continue;
            }
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        addIfPresent(todo, Array.get(o, i));
                    }
                }
                continue;
            }
            if (o instanceof Collection<?> c && isJdk(type)) {
                safely(() -> c.forEach(e -> addIfPresent(todo, e)));
                continue;
            }
            if (o instanceof Map<?, ?> m && isJdk(type)) {
                safely(() -> m.values().forEach(e -> addIfPresent(todo, e)));
                continue;
            }
            if (isJdk(type) || o instanceof Class<?> || o instanceof ClassLoader || o instanceof Thread) {
                continue;
            }
            for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        addIfPresent(todo, Modifier.isStatic(field.getModifiers()) ? field.get(null) : field.get(o));
                    } catch (RuntimeException | IllegalAccessException ignored) {
                        // a field we may not read holds no client of the handler's
                    }
                }
            }
        }
        Collections.sort(clients);
        return clients;
    }

    private static void addIfPresent(Deque<Object> todo, Object value) {
        if (value != null) {
            todo.add(value);
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a collection that cannot be iterated holds no client we could rebuild
        }
    }

    private static boolean isJdk(Class<?> c) {
        String n = c.getName();
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.");
    }

    private static String sdkClientInterface(Class<?> type) {
        Set<String> found = new TreeSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().startsWith("software.amazon.awssdk.services.") && extendsSdkClient(i)) {
                    found.add(i.getName());
                }
            }
        }
        return found.isEmpty() ? null : found.iterator().next();
    }

    private static boolean extendsSdkClient(Class<?> i) {
        if (i.getName().equals("software.amazon.awssdk.core.SdkClient")) {
            return true;
        }
        for (Class<?> parent : i.getInterfaces()) {
            if (extendsSdkClient(parent)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() > 240 ? one.substring(0, 240) + "…" : one;
    }

    /** The exception and its causes, outermost first, reflection wrappers left out. */
    private static String oneLine(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.lang.reflect.InvocationTargetException) {
                continue;
            }
            if (!chain.isEmpty()) {
                chain.append(" <- ");
            }
            chain.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                chain.append(": ").append(t.getMessage().lines().findFirst().orElse(""));
            }
        }
        return chain.toString();
    }
}
