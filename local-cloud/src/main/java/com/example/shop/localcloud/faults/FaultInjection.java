package com.example.shop.localcloud.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The local runtime's fault-injection switch: which functions fail, how ({@link FaultKind}) and
 * how often. Empty, it changes nothing; the run command's {@code --faults}, the local API's
 * {@code /_local/faults} and tests set it while the system runs.
 *
 * <p><b>Deterministic when seeded.</b> Whether the n-th invocation of a function fails (or the
 * n-th AWS call attempt it makes is throttled) is a pure function of the seed, the function, the
 * kind and n: a run with the same seed injects the same number of faults into each function for
 * the same number of invocations, whatever the threads' timing. Which message meets the n-th
 * invocation still depends on the pollers' timing, as it would on AWS.
 *
 * <p>Where a function has a fault of its own and {@code *} has one of the same kind, its own wins.
 *
 * <p>How each kind is played: {@link FaultKind#THROW} and {@link FaultKind#TIMEOUT} by the
 * runtime's {@code FunctionHost} around the handler ({@link #plan}); {@link FaultKind#THROTTLE}
 * by {@link ThrottleInjector}, an SDK interceptor that the SDK adds to every client in this JVM
 * and that acts only on calls made inside an invocation ({@link #during}).
 */
public final class FaultInjection {

    /** The seed when none is given, so that two runs without one inject alike too. */
    public static final long DEFAULT_SEED = 20261204L;
    /**
     * How much shorter than the configured {@code Timeout} an injected timeout is: 1/20, so a
     * function with the template's 20 s fails after 1 s. A full-length wait would make every
     * injected timeout cost a test 20 s and tell nothing more.
     */
    public static final int TIMEOUT_SCALE_DOWN = 20;

    private static final ScopedValue<Caller> CALLER = ScopedValue.newInstance();

    /** Where in an invocation an injected {@code THROW} or {@code TIMEOUT} happens. */
    public enum Moment {
        /** Before the handler runs: nothing was done. */
        BEFORE_HANDLER,
        /** After the handler returned: everything was done, and its result is lost. */
        AFTER_HANDLER
    }

    /**
     * What goes wrong with one invocation.
     *
     * @param kind   {@link FaultKind#THROW} or {@link FaultKind#TIMEOUT}
     * @param moment when
     */
    public record Planned(FaultKind kind, Moment moment) {
    }

    private record Caller(FaultInjection faults, String function) {
    }

    private final long seed;
    private volatile List<Fault> faults = List.of();
    private final Map<String, AtomicLong> draws = new ConcurrentHashMap<>();
    private final Map<FaultKind, LongAdder> injected = new EnumMap<>(FaultKind.class);

    /** A switch with nothing injected, drawing from {@code seed}. */
    public FaultInjection(long seed) {
        this.seed = seed;
        for (FaultKind kind : FaultKind.values()) {
            injected.put(kind, new LongAdder());
        }
    }

    /** A switch with nothing injected and the {@linkplain #DEFAULT_SEED default seed}. */
    public static FaultInjection off() {
        return new FaultInjection(DEFAULT_SEED);
    }

    /** The seed the draws come from. */
    public long seed() {
        return seed;
    }

    /**
     * Sets one fault, replacing the one of the same target and kind; a rate of 0 removes it.
     *
     * @return every fault now set
     */
    public synchronized List<Fault> set(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        List<Fault> next = new ArrayList<>(faults.stream()
                .filter(f -> !(f.target().equals(fault.target()) && f.kind() == fault.kind())).toList());
        if (fault.rate() > 0) {
            next.add(fault);
        }
        next.sort(Comparator.comparing(Fault::target).thenComparing(Fault::kind));
        faults = List.copyOf(next);
        return faults;
    }

    /** Sets each of {@code all} in turn. */
    public synchronized List<Fault> setAll(List<Fault> all) {
        all.forEach(this::set);
        return faults;
    }

    /** Removes every fault; the system runs clean again from the next invocation on. */
    public synchronized List<Fault> clear() {
        faults = List.of();
        return faults;
    }

    /** Every fault set, by target and kind. */
    public List<Fault> list() {
        return faults;
    }

    /** How many faults were injected so far, by kind (throttles count attempts). */
    public Map<FaultKind, Long> injected() {
        Map<FaultKind, Long> counts = new EnumMap<>(FaultKind.class);
        injected.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    /**
     * Decides, before the handler runs, whether this invocation of {@code function} fails and
     * how. Called once per invocation by the runtime.
     */
    public Optional<Planned> plan(String function) {
        for (FaultKind kind : List.of(FaultKind.THROW, FaultKind.TIMEOUT)) {
            long n = drawn(function, kind);
            if (n >= 0) {
                injected.get(kind).increment();
                Moment moment = (mix(seed ^ 0x5DEECE66DL, function, kind, n) & 1) == 0
                        ? Moment.BEFORE_HANDLER : Moment.AFTER_HANDLER;
                return Optional.of(new Planned(kind, moment));
            }
        }
        return Optional.empty();
    }

    /**
     * Runs an invocation's handler with {@code function} as the caller of the AWS calls it makes,
     * so that {@link ThrottleInjector} knows whose calls to throttle.
     */
    public <T> T during(String function, Supplier<T> handler) {
        return ScopedValue.where(CALLER, new Caller(this, function)).call(handler::get);
    }

    /**
     * Whether the AWS call attempt being made now is to be refused as throttled: only inside an
     * invocation ({@link #during}) of a function with a {@code THROTTLE} fault, and then as the
     * draw says. Calls of the runtime's pollers, the deployer and tests are never throttled.
     */
    static boolean throttlesThisAttempt() {
        if (!CALLER.isBound()) {
            return false;
        }
        Caller caller = CALLER.get();
        if (caller.faults().drawn(caller.function(), FaultKind.THROTTLE) < 0) {
            return false;
        }
        caller.faults().injected.get(FaultKind.THROTTLE).increment();
        return true;
    }

    /** The stand-in for a function's configured timeout: {@code Timeout} / {@value #TIMEOUT_SCALE_DOWN}. */
    public static Duration timeoutStandIn(int timeoutSeconds) {
        return Duration.ofMillis(timeoutSeconds * 1000L / TIMEOUT_SCALE_DOWN);
    }

    /** The draw's number if this draw of {@code kind} for {@code function} fails, else -1. */
    private long drawn(String function, FaultKind kind) {
        Fault fault = faultFor(function, kind);
        if (fault == null) {
            return -1;
        }
        long n = draws.computeIfAbsent(function + "/" + kind, key -> new AtomicLong()).getAndIncrement();
        double u = (mix(seed, function, kind, n) >>> 11) * 0x1.0p-53;
        return u < fault.rate() ? n : -1;
    }

    private Fault faultFor(String function, FaultKind kind) {
        Fault any = null;
        for (Fault fault : faults) {
            if (fault.kind() == kind && fault.target().equals(function)) {
                return fault;
            }
            if (fault.kind() == kind && fault.target().equals(Fault.EVERY_FUNCTION)) {
                any = fault;
            }
        }
        return any;
    }

    /** SplitMix64's finaliser over the seed, the function, the kind and the draw's number. */
    private static long mix(long seed, String function, FaultKind kind, long n) {
        long z = seed + 0x9E3779B97F4A7C15L * (n + 1) + ((long) function.hashCode() << 32) + kind.ordinal();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
