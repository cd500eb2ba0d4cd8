package com.example.shop.localcloud.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed budget of AWS calls per order: for each saga path, how often the functions may
 * call each {@code service:API}. A path that calls an API more often than budgeted (or an API the
 * budget does not name) is an overrun; fewer calls are slack, reported so the budget can be
 * tightened.
 *
 * @param paths per path label, the calls allowed by {@code service:API}
 */
record RequestBudget(Map<String, Map<String, Long>> paths) {

    /** Where the budget is kept, relative to the repository root. */
    static final String FILE = "docs/performance/requests-per-order.json";
    /** The first measurement, kept to show before → after. */
    static final String BEFORE_FILE = "docs/performance/requests-per-order-before.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    RequestBudget {
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        paths.forEach((path, calls) -> copy.put(path, Map.copyOf(new TreeMap<>(calls))));
        paths = java.util.Collections.unmodifiableMap(copy);
    }

    /** The budget the measurements make, path by path in the order given. */
    static RequestBudget of(List<RequestsPerOrder.Measured> measured) {
        Map<String, Map<String, Long>> paths = new LinkedHashMap<>();
        measured.forEach(m -> paths.put(m.path().label(), m.functions().byApi()));
        return new RequestBudget(paths);
    }

    static RequestBudget read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, Map<String, Long>> paths = new LinkedHashMap<>();
            root.path("paths").properties().forEach(path -> {
                Map<String, Long> calls = new TreeMap<>();
                path.getValue().path("calls").properties().forEach(call -> calls.put(call.getKey(), call.getValue().asLong()));
                paths.put(path.getKey(), calls);
            });
            return new RequestBudget(paths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request budget " + file, e);
        }
    }

    void write(Path file, String about) {
        ObjectNode root = JSON.createObjectNode();
        root.put("about", about);
        ObjectNode out = root.putObject("paths");
        paths.forEach((path, calls) -> {
            ObjectNode entry = out.putObject(path);
            entry.put("total", total(path));
            ObjectNode byApi = entry.putObject("calls");
            new TreeMap<>(calls).forEach(byApi::put);
        });
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the request budget " + file, e);
        }
    }

    /** The calls allowed on a path, 0 for a path the budget does not name. */
    long total(String path) {
        return paths.getOrDefault(path, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each API that {@code measured} calls more often than the budget of its path allows. */
    List<String> overruns(RequestsPerOrder.Measured measured) {
        String path = measured.path().label();
        Map<String, Long> allowed = paths.getOrDefault(path, Map.of());
        List<String> overruns = new ArrayList<>();
        measured.functions().byApi().forEach((api, count) -> {
            long budget = allowed.getOrDefault(api, 0L);
            if (count > budget) {
                overruns.add(path + ": " + api + " called " + count + " times, budget " + budget);
            }
        });
        return overruns;
    }

    /** Each API that {@code measured} calls less often than budgeted: room to tighten the budget. */
    List<String> slack(RequestsPerOrder.Measured measured) {
        String path = measured.path().label();
        Map<String, Long> made = measured.functions().byApi();
        List<String> slack = new ArrayList<>();
        paths.getOrDefault(path, Map.of()).forEach((api, budget) -> {
            long count = made.getOrDefault(api, 0L);
            if (count < budget) {
                slack.add(path + ": " + api + " called " + count + " times, budget " + budget);
            }
        });
        return slack;
    }
}
