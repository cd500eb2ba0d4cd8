package com.example.shop.localcloud.console;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.console.FunctionOutput.LogLine;
import com.example.shop.localcloud.http.LocalHttpApi;
import com.example.shop.localcloud.http.LocalRequest;
import com.example.shop.localcloud.http.LocalResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The console's pages and the JSON development endpoints they read, registered on the local HTTP
 * API (each endpoint is listed in the README, "Console"):
 * <ul>
 *   <li>{@code GET /_local/console/} and {@code GET /_local/console/{file}}: the pages and their
 *       scripts and styles, from {@code console/} on the classpath;</li>
 *   <li>{@code GET /_local/categories}: the categories the catalog read model holds products of
 *       (the shop's API lists products by category but has no list of categories);</li>
 *   <li>{@code GET /_local/functions}: the template's functions' logical ids, which the fault switch
 *       names;</li>
 *   <li>{@code GET /_local/orders/{orderId}/journey}: the order's journey as sequence-diagram
 *       lanes and hops ({@link JourneyView});</li>
 *   <li>{@code GET /_local/events/{id}}: the JSON a hop carried, by event id or request id
 *       ({@link EventBodies}), {@code {"id","seen","body"}};</li>
 *   <li>{@code GET /_local/logs?correlationId=…&function=…}: the functions' log lines with that
 *       correlation id (optionally of one function), newest 200 ({@link FunctionOutput});</li>
 *   <li>{@code GET /_local/metrics?minutes=N}: orders by outcome and saga duration percentiles
 *       over the last N minutes (default 15) from the embedded-metric lines ({@link MetricsSummary});</li>
 *   <li>{@code GET /_local/archive}, {@code POST /_local/archive/replays} with
 *       {@code {"from","to","rule"}}, {@code GET /_local/archive/replays/{name}}: the bus archive
 *       and its replays ({@link ArchiveReplay}).</li>
 * </ul>
 */
public final class ConsoleEndpoints {

    /** Where the console's pages live. */
    public static final String CONSOLE_PATH = "/_local/console/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ASSET = Pattern.compile("[a-z0-9-]+\\.(html|css|js)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8");
    private static final int LOG_LINES = 200;

    private final LocalCloud cloud;
    private final FunctionOutput output;
    private final EventBodies bodies;
    private final JourneyView journeys;
    private final ArchiveReplay archive;
    private final Clock clock;

    public ConsoleEndpoints(LocalCloud cloud, FunctionOutput output, EventBodies bodies, Clock clock) {
        this.cloud = cloud;
        this.output = output;
        this.bodies = bodies;
        this.journeys = new JourneyView(cloud.system());
        this.archive = new ArchiveReplay(cloud.clients(), cloud.system(), cloud.backend(), clock);
        this.clock = clock;
    }

    /** Registers the pages and every endpoint on {@code api}. */
    public void registerOn(LocalHttpApi api) {
        api.registerLocalEndpoint("GET", "/_local/console", request -> asset("index.html"));
        api.registerLocalEndpoint("GET", CONSOLE_PATH, request -> asset("index.html"));
        api.registerLocalEndpoint("GET", "/_local/console/{file}", request -> asset(request.pathParameters().get("file")));
        api.registerLocalEndpoint("GET", "/_local/categories", request -> categories());
        api.registerLocalEndpoint("GET", "/_local/functions", request -> {
            ObjectNode root = JSON.createObjectNode();
            cloud.system().functions().keySet().stream().sorted().forEach(root.putArray("functions")::add);
            return json(200, root);
        });
        api.registerLocalEndpoint("GET", "/_local/orders/{orderId}/journey", request -> json(200,
                journeys.toJson(cloud.timeline(request.pathParameters().get("orderId")))));
        api.registerLocalEndpoint("GET", "/_local/events/{id}", this::eventBody);
        api.registerLocalEndpoint("GET", "/_local/logs", this::logs);
        api.registerLocalEndpoint("GET", "/_local/metrics", this::metrics);
        api.registerLocalEndpoint("GET", "/_local/archive", request -> json(200, JSON.valueToTree(archive.state())));
        api.registerLocalEndpoint("POST", "/_local/archive/replays", this::startReplay);
        api.registerLocalEndpoint("GET", "/_local/archive/replays/{name}",
                request -> json(200, replayJson(archive.describe(request.pathParameters().get("name")))));
    }

    private static LocalResponse asset(String file) throws IOException {
        if (file == null || !ASSET.matcher(file).matches()) {
            return message(404, "No such console file");
        }
        try (InputStream in = ConsoleEndpoints.class.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                return message(404, "No such console file");
            }
            String type = CONTENT_TYPES.get(file.substring(file.lastIndexOf('.') + 1));
            return new LocalResponse(200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private LocalResponse categories() {
        Map<String, String> categories = new TreeMap<>();
        try (DynamoDbClient dynamo = cloud.clients().build(DynamoDbClient.builder())) {
            String table = cloud.system().resource("CatalogReadTable");
            dynamo.scanPaginator(r -> r.tableName(table).projectionExpression("categoryId, categoryName"))
                    .items().forEach(item -> {
                        AttributeValue id = item.get("categoryId");
                        AttributeValue name = item.get("categoryName");
                        if (id != null && name != null) {
                            categories.put(id.s(), name.s());
                        }
                    });
        }
        ArrayNode list = JSON.createArrayNode();
        categories.forEach((id, name) -> list.addObject().put("categoryId", id).put("name", name));
        ObjectNode root = JSON.createObjectNode();
        root.set("categories", list);
        return json(200, root);
    }

    /** Always 200 (a hop may be journalled before any consumer received it): {@code {"id","seen","body"}}. */
    private LocalResponse eventBody(LocalRequest request) {
        String id = request.pathParameters().get("id");
        ObjectNode root = JSON.createObjectNode().put("id", id);
        bodies.find(id).ifPresentOrElse(body -> root.put("seen", true).set("body", body),
                () -> root.put("seen", false).putNull("body"));
        return json(200, root);
    }

    private LocalResponse logs(LocalRequest request) {
        String correlationId = request.queryParameters().get("correlationId");
        if (correlationId == null || correlationId.isBlank()) {
            return message(400, "correlationId is required");
        }
        String function = request.queryParameters().get("function");
        Predicate<LogLine> ofFunction = function == null || function.isBlank() ? line -> true
                : line -> function.equals(line.function());
        ArrayNode lines = JSON.createArrayNode();
        output.logsOf(correlationId, ofFunction, LOG_LINES).forEach(line -> lines.add(line.line()));
        ObjectNode root = JSON.createObjectNode().put("correlationId", correlationId);
        root.set("lines", lines);
        return json(200, root);
    }

    private LocalResponse metrics(LocalRequest request) {
        int minutes;
        try {
            minutes = Integer.parseInt(request.queryParameters().getOrDefault("minutes", "15"));
        } catch (NumberFormatException e) {
            return message(400, "minutes must be a whole number");
        }
        if (minutes < 1 || minutes > 24 * 60) {
            return message(400, "minutes must be between 1 and 1440");
        }
        Instant now = clock.instant();
        Duration window = Duration.ofMinutes(minutes);
        MetricsSummary summary = MetricsSummary.of(output.metricsSince(now.minus(window)), now, window);
        ObjectNode root = JSON.createObjectNode().put("minutes", minutes).put("since", summary.since().toString());
        root.set("counts", JSON.valueToTree(summary.counts()));
        root.set("outcomes", JSON.valueToTree(summary.outcomes()));
        root.set("sagaDurationMs", JSON.valueToTree(summary.sagaDuration()));
        return json(200, root);
    }

    private LocalResponse startReplay(LocalRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body().isBlank() ? "{}" : request.body());
        } catch (IOException e) {
            return message(400, "The body is not JSON");
        }
        try {
            Instant from = Instant.parse(body.path("from").asText());
            Instant to = Instant.parse(body.path("to").asText());
            String rule = body.path("rule").asText("");
            return json(202, replayJson(archive.start(from, to, rule.isBlank() ? null : rule)));
        } catch (DateTimeParseException e) {
            return message(400, "from and to must be ISO-8601 instants, e.g. 2026-12-04T10:00:00Z");
        } catch (IllegalArgumentException e) {
            return message(400, e.getMessage());
        }
    }

    private static JsonNode replayJson(ArchiveReplay.Replay replay) {
        return JSON.createObjectNode().put("name", replay.name()).put("state", replay.state())
                .put("reason", replay.reason())
                .put("from", replay.from() == null ? null : replay.from().toString())
                .put("to", replay.to() == null ? null : replay.to().toString())
                .put("rule", replay.rule()).put("emulatorGap", replay.emulatorGap());
    }

    private static LocalResponse json(int status, JsonNode body) {
        return LocalResponse.json(status, body.toString());
    }

    /** An error as the local endpoints answer them: {@code application/problem+json}. */
    private static LocalResponse message(int status, String detail) {
        return LocalResponse.problem(status, status == 404 ? "Not Found" : "Bad Request", detail);
    }
}
