package com.example.shop.localcloud.e2e;

import com.example.shop.localcloud.runtime.PlatformRequests;
import com.example.shop.platform.RequestCounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The requests per order as Markdown tables: one column per saga path; the functions' calls by
 * API and by function, then what the platform did for them.
 *
 * @param measured one measurement per path
 * @param before   the first budget ever measured, for a before → after column, if kept
 */
record RequestsReport(List<RequestsPerOrder.Measured> measured, Optional<RequestBudget> before) {

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(summary()).append('\n');
        out.append("Functions' calls by API (held to the budget):\n\n");
        out.append(table("API", m -> m.functions().byApi())).append('\n');
        out.append("Functions' calls by function:\n\n");
        out.append(table("function", m -> byCaller(m.functions()))).append('\n');
        out.append("What the platform does for the functions (reported, not budgeted: it depends on timing):\n\n");
        out.append(table("platform", m -> byCallerAndApi(m.platform())));
        return out.toString();
    }

    private String summary() {
        StringBuilder out = new StringBuilder("| per order | ");
        measured.forEach(m -> out.append(m.path().label()).append(" | "));
        out.append('\n').append("|---|").append("---:|".repeat(measured.size())).append('\n');
        before.ifPresent(b -> row(out, "functions' calls, before", m -> Long.toString(b.total(m.path().label()))));
        row(out, "**functions' calls**", m -> "**" + m.functions().total() + "**");
        row(out, "event source mappings' SQS/Streams calls", m -> Long.toString(
                m.platform().of(PlatformRequests.EVENT_SOURCE_MAPPINGS::equals).total() - invokes(m, PlatformRequests.EVENT_SOURCE_MAPPINGS)));
        row(out, "Lambda invocations (event sources + HTTP)", m -> Long.toString(
                invokes(m, PlatformRequests.EVENT_SOURCE_MAPPINGS) + invokes(m, PlatformRequests.HTTP_API)));
        row(out, "HTTP API requests", m -> Long.toString(m.platform().byApi().getOrDefault("ApiGatewayV2:HttpRequest", 0L)));
        return out.toString();
    }

    private static long invokes(RequestsPerOrder.Measured m, String caller) {
        return m.platform().calls().getOrDefault(new RequestCounts.Call(caller, "Lambda", "Invoke"), 0L);
    }

    private void row(StringBuilder out, String name, Function<RequestsPerOrder.Measured, String> cell) {
        out.append("| ").append(name).append(" | ");
        measured.forEach(m -> out.append(cell.apply(m)).append(" | "));
        out.append('\n');
    }

    private String table(String heading, Function<RequestsPerOrder.Measured, Map<String, Long>> counts) {
        TreeSet<String> rows = new TreeSet<>();
        measured.forEach(m -> rows.addAll(counts.apply(m).keySet()));
        StringBuilder out = new StringBuilder("| " + heading + " | ");
        measured.forEach(m -> out.append(m.path().label()).append(" | "));
        out.append('\n').append("|---|").append("---:|".repeat(measured.size())).append('\n');
        for (String row : rows) {
            out.append("| ").append(row).append(" | ");
            measured.forEach(m -> {
                long count = counts.apply(m).getOrDefault(row, 0L);
                out.append(count == 0 ? "" : Long.toString(count)).append(" | ");
            });
            out.append('\n');
        }
        return out.toString();
    }

    private static Map<String, Long> byCaller(RequestCounts.Snapshot snapshot) {
        Map<String, Long> callers = new TreeMap<>();
        snapshot.calls().forEach((call, count) -> callers.merge(call.caller(), count, Long::sum));
        return callers;
    }

    private static Map<String, Long> byCallerAndApi(RequestCounts.Snapshot snapshot) {
        Map<String, Long> rows = new TreeMap<>();
        snapshot.calls().forEach((call, count) -> rows.merge(call.caller() + " " + call.api(), count, Long::sum));
        return rows;
    }
}
