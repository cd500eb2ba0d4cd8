package com.example.shop.localcloud.faults;

import java.util.Locale;
import java.util.Objects;

/**
 * One injected fault: which function it hits, how, and how often.
 *
 * @param target a function's logical id, e.g. {@code ChargePaymentFunction}, or {@value #EVERY_FUNCTION}
 * @param kind   what goes wrong
 * @param rate   the share of invocations (of AWS call attempts, for {@link FaultKind#THROTTLE}) that
 *               fail, from 0 to 1
 */
public record Fault(String target, FaultKind kind, double rate) {

    /** The target that stands for every function. */
    public static final String EVERY_FUNCTION = "*";

    public Fault {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        if (target.isBlank() || !(target.equals(EVERY_FUNCTION) || target.chars().allMatch(Character::isLetterOrDigit))) {
            throw new IllegalArgumentException("target must be a function's logical id or * but was '" + target + "'");
        }
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("rate must be between 0 and 1 but was " + rate);
        }
    }

    /**
     * Reads the run command's form {@code target:KIND:rate}, e.g. {@code ChargePaymentFunction:THROW:0.2}
     * or {@code *:THROTTLE:0.05}.
     */
    public static Fault parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a fault is target:KIND:rate (e.g. *:THROTTLE:0.05) but was '" + text + "'");
        }
        FaultKind kind;
        try {
            kind = FaultKind.valueOf(parts[1].trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be THROW, TIMEOUT or THROTTLE but was '" + parts[1] + "'");
        }
        double rate;
        try {
            rate = Double.parseDouble(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate must be a number from 0 to 1 but was '" + parts[2] + "'");
        }
        return new Fault(parts[0].trim(), kind, rate);
    }

    /** Whether it hits {@code function}. */
    public boolean hits(String function) {
        return target.equals(EVERY_FUNCTION) || target.equals(function);
    }

    @Override
    public String toString() {
        return target + ":" + kind + ":" + rate;
    }
}
