package com.example.shop.localcloud.iam;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.model.LocalSystem;
import com.example.shop.platform.RequestCounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every function of the shop asked IAM for during the end-to-end suite, written to
 * {@code target/recorded-calls/<backend>-fork<N>.json} for {@link LeastPrivilegeIT}.
 *
 * <p>Every client of every function records its calls' accesses into
 * {@link RequestCounts#shared()} (service-kit's {@code RequestCounter}); each test JVM of the suite
 * (Failsafe's forks, numbered by {@code e2e.fork}) writes what its own classes made. Each stack
 * the suite deploys gets physical names of its own ({@code shop-local-OrdersTable-X1Y2}): the file names resources by
 * their logical ids instead ({@code table/OrdersTable}), and every stream by the one label
 * {@value #STREAM_LABEL}, so that the policies of the translated template can be resolved the same
 * way and two backends' files read alike.
 */
public final class CallRecording {

    /** The label every stream ARN carries in the file: {@code table/<Table>/stream/<label>}. */
    public static final String STREAM_LABEL = "stream-label";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LOGICAL_BY_PHYSICAL = new ConcurrentHashMap<>();
    private static final Set<String> FUNCTIONS = ConcurrentHashMap.newKeySet();
    private static final Set<String> SUITES = ConcurrentHashMap.newKeySet();
    private static volatile String backend;

    private CallRecording() {
    }

    /** Remembers a deployed shop: its functions are the roles written out, its names are mapped back. */
    public static void remember(LocalCloud cloud, Class<?> suite) {
        LocalSystem system = cloud.system();
        backend = cloud.backend().id();
        FUNCTIONS.addAll(system.functions().keySet());
        SUITES.add(suite.getSimpleName());
        system.resources().forEach((logicalId, physical) -> LOGICAL_BY_PHYSICAL.put(nameOf(physical), logicalId));
    }

    /** Writes what was recorded so far (the file grows with each suite class that closes). */
    public static synchronized void write() {
        if (backend == null) {
            return;
        }
        ObjectNode file = JSON.createObjectNode();
        file.put("backend", backend);
        ArrayNode suites = file.putArray("suites");
        new TreeSet<>(SUITES).forEach(suites::add);
        // two deploys' names of one resource read alike once mapped: their counts add up
        Map<List<Object>, Long> merged = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        RequestCounts.shared().accesses().forEach((access, count) -> {
            if (FUNCTIONS.contains(access.role())) {
                merged.merge(List.of(access.role(), access.action(), logical(access.resource()),
                        new java.util.TreeMap<>(access.context())), count, Long::sum);
            }
        });
        ArrayNode accesses = file.putArray("accesses");
        merged.forEach((key, count) -> {
            ObjectNode entry = accesses.addObject();
            entry.put("role", (String) key.get(0));
            entry.put("action", (String) key.get(1));
            entry.put("resource", (String) key.get(2));
            ObjectNode context = entry.putObject("context");
            ((Map<?, ?>) key.get(3)).forEach((name, value) -> context.put((String) name, (String) value));
            entry.put("count", count);
        });
        Path out = directory().resolve(backend + "-" + System.getProperty("e2e.fork", "fork1") + ".json");
        try {
            Files.createDirectories(out.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the recorded calls to " + out, e);
        }
    }

    /** Where the recordings of every backend go. */
    public static Path directory() {
        return Path.of(System.getProperty("project.build.directory", "target"), "recorded-calls");
    }

    /** The ARN with each physical name of a table, queue, topic or bus replaced by its logical id. */
    static String logical(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !Set.of("dynamodb", "sqs", "sns", "events").contains(parts[2])) {
            return arn;
        }
        String[] path = parts[5].split("/", -1);
        for (int i = 0; i < path.length; i++) {
            if (i > 0 && path[i - 1].equals("stream") && parts[2].equals("dynamodb")) {
                path[i] = STREAM_LABEL;
            } else {
                path[i] = LOGICAL_BY_PHYSICAL.getOrDefault(path[i], byStackNaming(path[i]));
            }
        }
        parts[5] = String.join("/", path);
        return String.join(":", parts);
    }

    /**
     * A name CloudFormation gave a resource of a shop stack that was not remembered (a test class
     * that starts its cloud without {@code Shop} and forgot {@link #remember}):
     * {@code <stack>-<LogicalId>-<SUFFIX>} gives the logical id when the template has it.
     */
    private static String byStackNaming(String name) {
        java.util.regex.Matcher m = STACK_NAMED.matcher(name);
        return m.matches() && LOGICAL_BY_PHYSICAL.containsValue(m.group(1)) ? m.group(1) : name;
    }

    private static final java.util.regex.Pattern STACK_NAMED =
            java.util.regex.Pattern.compile("^shop-[a-z0-9]+-([A-Za-z0-9]+)-[A-Z0-9]{8,13}$");

    /** The name inside a physical id: a queue URL's last segment, an ARN's last part, or the id. */
    private static String nameOf(String physical) {
        if (physical.startsWith("http")) {
            return physical.substring(physical.lastIndexOf('/') + 1);
        }
        if (physical.startsWith("arn:")) {
            return physical.substring(Math.max(physical.lastIndexOf(':'), physical.lastIndexOf('/')) + 1);
        }
        return physical;
    }
}
