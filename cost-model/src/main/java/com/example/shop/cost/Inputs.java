package com.example.shop.cost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything the cost model multiplies, read from where the project keeps it: the requests-per-order
 * measurement ({@code docs/performance/requests-per-order-detail.json}), the cold-start benchmark's
 * handler durations ({@code docs/performance/cold-start.json}), each function's memory and trigger
 * from {@code infra/template.yaml}, and the prices and assumptions files.
 */
record Inputs(JsonNode prices, JsonNode assumptions, Map<String, PathMeasurement> paths, Map<String, FunctionFacts> functions,
              long meanItemBytes, String measuredAt, String coldStartMeasuredAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One saga path as measured: invocations by function, calls by function and API, platform calls, log bytes. */
    record PathMeasurement(Map<String, Long> invocations, Map<String, Map<String, Long>> functionCalls,
                           Map<String, Long> platformCalls, long stdoutBytes, List<String> metrics) {

        long calls(String api) {
            return functionCalls.values().stream().mapToLong(byApi -> byApi.getOrDefault(api, 0L)).sum();
        }

        long calls(String function, String api) {
            return functionCalls.getOrDefault(function, Map.of()).getOrDefault(api, 0L);
        }
    }

    /** What the template and the cold-start benchmark say about one function. */
    record FunctionFacts(int memoryMb, boolean sqsTriggered, long warmMs, long initMs) {
    }

    static Inputs read(Path root, Path pricesFile, Path assumptionsFile) throws IOException {
        JsonNode prices = pricesFile != null ? JSON.readTree(pricesFile.toFile()) : resource("aws-prices.json");
        JsonNode assumptions = assumptionsFile != null ? JSON.readTree(assumptionsFile.toFile()) : resource("assumptions.json");
        JsonNode detail = JSON.readTree(root.resolve("docs/performance/requests-per-order-detail.json").toFile());
        Map<String, PathMeasurement> paths = new LinkedHashMap<>();
        detail.path("paths").fields().forEachRemaining(e -> paths.put(e.getKey(), path(e.getValue())));
        long items = 0;
        long bytes = 0;
        for (JsonNode table : detail.path("itemSizes")) {
            items += table.path("items").asLong();
            bytes += table.path("items").asLong() * table.path("meanBytes").asLong();
        }
        JsonNode coldStart = JSON.readTree(root.resolve("docs/performance/cold-start.json").toFile());
        Map<String, long[]> durations = new TreeMap<>();
        for (JsonNode f : coldStart.path("functions")) {
            durations.put(f.path("function").asText(), new long[] {f.path("warmInvokeMs").asLong(-1), f.path("initMs").asLong(-1)});
        }
        Map<String, FunctionFacts> functions = new TreeMap<>();
        template(root.resolve("infra/template.yaml")).forEach((name, facts) -> {
            long[] d = durations.getOrDefault(name, new long[] {-1, -1});
            functions.put(name, new FunctionFacts(facts.memoryMb, facts.sqs, d[0], d[1]));
        });
        return new Inputs(prices, assumptions, paths, functions, items == 0 ? 0 : bytes / items,
                detail.path("measuredAt").asText("(see the file)"), coldStart.path("measuredAt").asText());
    }

    private static PathMeasurement path(JsonNode node) {
        Map<String, Long> invocations = new TreeMap<>();
        node.path("invocations").fields().forEachRemaining(e -> invocations.put(e.getKey(), e.getValue().asLong()));
        Map<String, Map<String, Long>> calls = new TreeMap<>();
        node.path("functionCalls").fields().forEachRemaining(f -> {
            Map<String, Long> byApi = new TreeMap<>();
            f.getValue().fields().forEachRemaining(a -> byApi.put(a.getKey(), a.getValue().asLong()));
            calls.put(f.getKey(), byApi);
        });
        Map<String, Long> platform = new TreeMap<>();
        node.path("platformCalls").fields().forEachRemaining(e -> platform.put(e.getKey(), e.getValue().asLong()));
        List<String> metrics = new ArrayList<>();
        node.path("metrics").forEach(m -> metrics.add(m.asText()));
        return new PathMeasurement(invocations, calls, platform, node.path("stdoutBytes").asLong(), metrics);
    }

    /** Distinct custom metrics over every path: each is billed per month, whatever the volume. */
    int distinctMetrics() {
        TreeSet<String> all = new TreeSet<>();
        paths.values().forEach(p -> all.addAll(p.metrics()));
        return all.size();
    }

    long sqsTriggeredFunctions() {
        return functions.values().stream().filter(FunctionFacts::sqsTriggered).count();
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = Inputs.class.getResourceAsStream("/" + name)) {
            return JSON.readTree(in);
        }
    }

    record TemplateFacts(int memoryMb, boolean sqs) {
    }

    private static final Pattern RESOURCE = Pattern.compile("^  ([A-Za-z0-9]+):\\s*$");
    private static final Pattern MEMORY = Pattern.compile("^\\s+MemorySize:\\s*(\\d+).*$");

    /**
     * Memory (the function's own or the Globals') and whether an SQS queue triggers it, from the
     * template's text. Only an event source's own {@code Type: SQS} counts, the one right under an
     * entry of {@code Events:}: a stream trigger's {@code OnFailure} destination says
     * {@code Type: SQS} too, one level deeper, and does not make its function a queue consumer.
     */
    static Map<String, TemplateFacts> template(Path template) throws IOException {
        List<String> lines = Files.readAllLines(template);
        int globalMemory = 128;
        boolean inGlobals = false;
        Map<String, TemplateFacts> facts = new LinkedHashMap<>();
        String resource = null;
        boolean function = false;
        int memory = -1;
        boolean sqs = false;
        int eventsIndent = -1;
        for (String line : lines) {
            if (line.startsWith("Globals:")) {
                inGlobals = true;
                continue;
            }
            if (line.startsWith("Resources:")) {
                inGlobals = false;
                continue;
            }
            Matcher m = MEMORY.matcher(line);
            if (inGlobals) {
                if (m.matches()) {
                    globalMemory = Integer.parseInt(m.group(1));
                }
                continue;
            }
            Matcher r = RESOURCE.matcher(line);
            if (r.matches()) {
                if (function) {
                    facts.put(resource, new TemplateFacts(memory > 0 ? memory : globalMemory, sqs));
                }
                resource = r.group(1);
                eventsIndent = -1;
                function = false;
                memory = -1;
                sqs = false;
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (eventsIndent >= 0 && !line.isBlank() && indent <= eventsIndent) {
                eventsIndent = -1;
            }
            if (line.trim().equals("Type: AWS::Serverless::Function")) {
                function = true;
            } else if (function && m.matches()) {
                memory = Integer.parseInt(m.group(1));
            } else if (function && line.trim().equals("Events:")) {
                eventsIndent = indent;
            } else if (function && eventsIndent >= 0 && indent == eventsIndent + 4 && line.trim().equals("Type: SQS")) {
                sqs = true;
            }
        }
        if (function) {
            facts.put(resource, new TemplateFacts(memory > 0 ? memory : globalMemory, sqs));
        }
        return facts;
    }
}
