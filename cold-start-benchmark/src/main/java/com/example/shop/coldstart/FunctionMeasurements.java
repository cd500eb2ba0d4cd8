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
