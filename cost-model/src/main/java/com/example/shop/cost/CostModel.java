package com.example.shop.cost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The cost model: what one million orders cost on AWS, by component, from what the project
 * measures and AWS's public prices, written to {@code docs/cost.md} with every input shown. It
 * measures nothing itself: it multiplies the requests-per-order measurement, the cold-start
 * benchmark's handler durations, the template's memory sizes and the prices and assumptions files.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Dollars per million orders on AWS, by component, from the measured requests and durations.")
public final class CostModel implements Callable<Integer> {

    /** The target of the issue that asked for this model: excluding e-mail (and SMS) delivery. */
    static final double TARGET_DOLLARS_PER_MILLION = 25.0;

    @Option(names = "--prices", description = "A prices file (default: the bundled aws-prices.json, us-east-1).")
    Path prices;

    @Option(names = "--assumptions", description = "An assumptions file (default: the bundled assumptions.json).")
    Path assumptions;

    @Option(names = "--out", description = "Where the report goes (default docs/cost.md).")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CostModel()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path root = Path.of(System.getProperty("shop.root", ".")).toAbsolutePath().normalize();
        Inputs in = Inputs.read(root, prices, assumptions);
        Map<String, CostBreakdown> byPath = new LinkedHashMap<>();
        in.paths().forEach((name, path) -> byPath.put(name, CostBreakdown.of(in, path)));
        Map<CostBreakdown, Double> weighted = new LinkedHashMap<>();
        in.assumptions().path("mix").fields().forEachRemaining(e -> {
            CostBreakdown path = byPath.get(e.getKey());
            if (path == null) {
                throw new IllegalArgumentException("the mix names a path that was not measured: " + e.getKey());
            }
            weighted.put(path, e.getValue().asDouble());
        });
        CostBreakdown mix = CostBreakdown.mix(weighted);
        String report = new CostReport(in, byPath, mix).markdown();
        Path target = out != null ? out : root.resolve("docs/cost.md");
        Files.writeString(target, report);
        System.out.println(summary(mix));
        System.out.println("Wrote " + root.relativize(target.toAbsolutePath()));
        return 0;
    }

    static String summary(CostBreakdown mix) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-58s %12s%n", "component", "$ / 1M orders"));
        mix.lines.forEach((c, line) -> text.append(String.format(Locale.ROOT, "%-58s %12.2f%n",
                (c.delivery() ? "(delivery) " : "") + c.label, line.dollarsPerMillionOrders())));
        text.append(String.format(Locale.ROOT, "%-58s %12.2f  (target <= %.2f)%n", "TOTAL excluding e-mail and SMS delivery",
                mix.total(false), TARGET_DOLLARS_PER_MILLION));
        text.append(String.format(Locale.ROOT, "%-58s %12.2f%n", "TOTAL including delivery", mix.total(true)));
        return text.toString();
    }

    static List<Map.Entry<CostBreakdown.Component, CostBreakdown.Line>> largest(CostBreakdown mix, int n) {
        return mix.lines.entrySet().stream().filter(e -> !e.getKey().delivery())
                .sorted(Comparator.comparingDouble((Map.Entry<CostBreakdown.Component, CostBreakdown.Line> e) ->
                        e.getValue().dollarsPerMillionOrders()).reversed())
                .limit(n).toList();
    }
}
