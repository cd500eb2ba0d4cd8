package com.example.shop.localcloud.e2e;

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

    private RequestsPerOrderMain() {
    }

    public static void main(String[] args) throws IOException {
        boolean writeBudget = List.of(args).contains("--write-budget");
        Path root = PythonEnvironment.locate().root();
        List<RequestsPerOrder.Measured> measured = new ArrayList<>();
        try (LocalCloud cloud = LocalCloud.start(RequestsPerOrder.options(root));
             Shop shop = new Shop(cloud)) {
            for (SagaPath path : SagaPath.values()) {
                System.out.println("Measuring " + path.label() + " ...");
                measured.add(RequestsPerOrder.measure(shop, path));
            }
        }
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
