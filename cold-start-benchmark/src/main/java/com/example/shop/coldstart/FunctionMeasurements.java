package com.example.shop.coldstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** Every run of one function and of its floors, and the medians the report shows. */
final class FunctionMeasurements {

    final FunctionUnderTest function;
    final long zipBytes;
    final List<String> jarsInZip;
    final List<ChildJvm.Result> runs = new ArrayList<>();
    final List<ChildJvm.Result> sdkFloorRuns = new ArrayList<>();
    final List<ChildJvm.Result> aotRuns = new ArrayList<>();
    final List<ChildJvm.Result> primedRuns = new ArrayList<>();
    final Map<String, Integer> classesPerJar = new TreeMap<>();
    String sdkClients = "";
    /** The handler's event type ({@code RequestHandler<I, O>}'s I): its SDK floor takes the same. */
    String inputType = "";
    /** What the first invocation after priming still loaded (first primed run), by origin and by name. */
    Map<String, Integer> loadedAfterPrimingByOrigin = Map.of();
    List<String> loadedAfterPriming = List.of();

    /** Issue #12's priming targets: the first invocation after priming loads at most this many classes… */
    static final long PRIMED_CLASSES_TARGET = 100;
    /** …and takes at most this many times a warm invocation. */
    static final double PRIMED_OVER_WARM_TARGET = 2.0;

    long classesByFirstInvokeAfterPriming() {
        return median(primedRuns, r -> r.count("classesAfterPriming") < 0 ? -1
                : r.count("classesAfterFirstInvoke") - r.count("classesAfterPriming"));
    }

    /** The first invocation after priming over the warm one of the same (primed) run, or -1. */
    double primedFirstOverWarm() {
        long first = median(primedRuns, r -> r.nanos("firstInvokeNanos"));
        long warm = median(primedRuns, r -> r.nanos("warmInvokeNanos"));
        return first < 0 || warm <= 0 ? -1 : (double) first / warm;
    }

    boolean primingTargetsMet() {
        long classes = classesByFirstInvokeAfterPriming();
        double ratio = primedFirstOverWarm();
        return classes >= 0 && classes <= PRIMED_CLASSES_TARGET && ratio >= 0 && ratio <= PRIMED_OVER_WARM_TARGET;
    }

    FunctionMeasurements(FunctionUnderTest function, long zipBytes, List<String> jarsInZip) {
        this.function = function;
        this.zipBytes = zipBytes;
        this.jarsInZip = List.copyOf(jarsInZip);
    }

    boolean hasEvent() {
        return function.eventJson() != null;
    }

    /** Median of a value over the runs that have it, or -1. */
    static long median(List<ChildJvm.Result> results, ToLongFunction<ChildJvm.Result> value) {
        long[] values = results.stream().filter(r -> !r.crashed()).mapToLong(value).filter(v -> v >= 0).sorted().toArray();
        return values.length == 0 ? -1 : values[(values.length - 1) / 2];
    }

    static long medianMillis(List<ChildJvm.Result> results, String key) {
        long nanos = median(results, r -> r.nanos(key));
        return nanos < 0 ? -1 : Math.round(nanos / 1_000_000.0);
    }

    static long medianCount(List<ChildJvm.Result> results, String key) {
        return median(results, r -> r.count(key));
    }
}
