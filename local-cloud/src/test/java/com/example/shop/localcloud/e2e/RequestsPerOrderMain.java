package com.example.shop.localcloud.e2e;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.TreeMap;
import java.util.Map;
import java.util.LinkedHashMap;
import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.emulator.PythonEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The requests-per-order command: starts the local cloud, drives one order down each saga path
 * one after another, prints the table and writes it to
 * {@code docs/performance/requests-per-order.md}; with {@code --write-budget} it also writes the
 * counts as the new budget ({@value RequestBudget#FILE}) that {@link RequestsPerOrderIT} holds the
 * paths to.
 *
 * <pre>mvn -pl local-cloud -am -DskipTests package exec:java@requests-per-order [-Dexec.args=--write-budget]</pre>
 */
public final class RequestsPerOrderMain {

    static final String REPORT = "docs/performance/requests-per-order.md";
    /** Everything measured, for the cost model: calls by function and API, invocations, item sizes. */
    static final String DETAIL = "docs/performance/requests-per-order-detail.json";

    private RequestsPerOrderMain() {
    }

    /** What the cost model reads: per path, every call by caller and API, and every invocation by function. */
    static void writeDetail(Path file, List<RequestsPerOrder.Measured> measured, Map<String, ItemSizes> itemSizes)
            throws IOException {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (RequestsPerOrder.Measured m : measured) {
            Map<String, Map<String, Long>> functions = new TreeMap<>();
            m.functions().calls().forEach((call, n) ->
                    functions.computeIfAbsent(call.caller(), c -> new TreeMap<>()).merge(call.api(), n, Long::sum));
            Map<String, Long> platform = new TreeMap<>();
            m.platform().calls().forEach((call, n) -> platform.merge(call.api(), n, Long::sum));
            paths.put(m.path().label(), Map.of("functionCalls", functions, "platformCalls", platform,
                    "invocations", m.invocations(), "stdoutBytes", m.stdoutBytes(), "metrics", m.metrics()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("about", "Measured by RequestsPerOrderMain: per saga path, the AWS calls each function made, the calls "
                + "the platform (event source mappings, HTTP API) made for them, and each function's invocations; "
                + "stdoutBytes is what the functions wrote to standard output (CloudWatch Logs ingestion on AWS) and "
                + "metrics the distinct EMF metrics in it; itemSizes are the tables' item sizes in bytes at the end of the run (DynamoDB's size rules). "
                + "The cost model (cost-model module) reads this file.");
        root.put("paths", paths);
        root.put("itemSizes", itemSizes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    public static void main(String[] args) throws IOException {
        boolean writeBudget = List.of(args).contains("--write-budget");
        Path root = PythonEnvironment.locate().root();
        List<RequestsPerOrder.Measured> measured = new ArrayList<>();
        Map<String, ItemSizes> itemSizes;
        try (LocalCloud cloud = LocalCloud.start(RequestsPerOrder.options(root));
             Shop shop = new Shop(cloud)) {
            for (SagaPath path : SagaPath.values()) {
                System.out.println("Measuring " + path.label() + " ...");
                measured.add(RequestsPerOrder.measure(shop, path));
            }
            itemSizes = ItemSizes.ofEveryTable(cloud.clients().build(DynamoDbClient.builder()));
        }
        writeDetail(root.resolve(DETAIL), measured, itemSizes);
        Path beforeFile = root.resolve(RequestBudget.BEFORE_FILE);
        Optional<RequestBudget> before = Files.isRegularFile(beforeFile)
                ? Optional.of(RequestBudget.read(beforeFile)) : Optional.empty();
        String table = new RequestsReport(measured, before).markdown();
        System.out.println();
        System.out.println(table);

        Path budgetFile = root.resolve(RequestBudget.FILE);
        if (Files.isRegularFile(budgetFile)) {
            RequestBudget budget = RequestBudget.read(budgetFile);
            measured.forEach(m -> {
                budget.overruns(m).forEach(o -> System.out.println("OVER BUDGET  " + o));
                budget.slack(m).forEach(s -> System.out.println("under budget " + s));
            });
        }
        Files.writeString(root.resolve(REPORT), "# Requests per order\n\n"
                + "AWS API calls for one order on each saga path, measured on the local cloud by "
                + "`RequestsPerOrderMain` (see the README, \"Requests per order\"). The functions' calls are the "
                + "budget in `requests-per-order.json`; the platform's are what Lambda's event source mappings and "
                + "API Gateway do on AWS.\n\n" + table);
        System.out.println("Wrote " + REPORT);
        if (writeBudget) {
            RequestBudget.of(measured).write(budgetFile, "AWS API calls the functions make for one order, per saga "
                    + "path, by service:API. RequestsPerOrderIT fails when a path makes more; rewrite with "
                    + "`mvn -pl local-cloud -am -DskipTests package exec:java@requests-per-order "
                    + "-Dexec.args=--write-budget` and review the difference.");
            System.out.println("Wrote " + RequestBudget.FILE);
        }
    }
}
