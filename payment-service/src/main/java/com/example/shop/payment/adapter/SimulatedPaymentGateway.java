package com.example.shop.payment.adapter;

import com.example.shop.events.IdGenerator;
import com.example.shop.payment.domain.PaymentGateway;
import com.example.shop.payment.domain.PaymentProviderUnavailableException;
import com.example.shop.platform.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stand-in payment provider, so the shop runs end to end without a provider account: it
 * behaves like one (latency, a rate limit, idempotency keys) and decides each charge by the
 * payment method reference, which lets a demo or a test choose the outcome.
 *
 * <table>
 *   <caption>Outcome by payment method reference</caption>
 *   <tr><th>paymentMethodRef</th><th>outcome</th></tr>
 *   <tr><td>{@code pm-decline-<reason>}</td><td>declined with {@code <reason>}, e.g.
 *       {@code pm-decline-insufficient-funds}</td></tr>
 *   <tr><td>{@code pm-transient-error}</td><td>{@link PaymentProviderUnavailableException} on
 *       every call (retry later)</td></tr>
 *   <tr><td>any other {@code pm-...}</td><td>approved with a new charge id {@code ch_...}</td></tr>
 *   <tr><td>anything else</td><td>declined, {@code unknown-payment-method}</td></tr>
 * </table>
 *
 * <p>Every call waits {@code latency}, and a call beyond {@code maxCallsPerSecond} within the
 * last second is refused as unavailable, the way a real provider answers HTTP 429. Answers are
 * remembered by idempotency key: a repeated charge or refund gets the first answer back and
 * moves no money; reusing a key for a different request is refused, as providers do.
 *
 * <p>The memory is this execution environment's, standing in for the provider's server-side
 * store; it is what a simulator can offer, and no money moves anyway. Thread-safe.
 */
public final class SimulatedPaymentGateway implements PaymentGateway {

    static final String DECLINE_PREFIX = "pm-decline-";
    static final String TRANSIENT_ERROR = "pm-transient-error";
    private static final String KNOWN_PREFIX = "pm-";

    private final Duration latency;
    private final int maxCallsPerSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private final IdGenerator ids;

    private final Deque<Instant> recentCalls = new ArrayDeque<>();
    private final Map<String, Remembered<ChargeRequest, ChargeResult>> charges = new HashMap<>();
    private final Map<String, Remembered<RefundRequest, RefundReceipt>> refunds = new HashMap<>();

    /**
     * @param latency how long each call takes, zero or more
     * @param maxCallsPerSecond how many calls the provider accepts within any one second, 1 or more
     * @param clock the time that the rate limit counts in
     * @param sleeper how the latency is spent (tests pass one that does not block)
     * @param ids the source of charge and refund ids
     */
    public SimulatedPaymentGateway(Duration latency, int maxCallsPerSecond, Clock clock, Sleeper sleeper,
                                   IdGenerator ids) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or more but was " + latency);
        }
        if (maxCallsPerSecond < 1) {
            throw new IllegalArgumentException("maxCallsPerSecond must be at least 1 but was " + maxCallsPerSecond);
        }
        this.latency = latency;
        this.maxCallsPerSecond = maxCallsPerSecond;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public synchronized ChargeResult charge(ChargeRequest request) {
        admit();
        var earlier = charges.get(request.idempotencyKey());
        if (earlier != null) {
            return earlier.answerTo(request);
        }
        String method = request.paymentMethodRef();
        if (TRANSIENT_ERROR.equals(method)) {
            // Not remembered: a real outage gives no answer to replay, so the next attempt tries again.
            throw new PaymentProviderUnavailableException("the payment provider failed to process the charge");
        }
        ChargeResult result;
        if (method.startsWith(DECLINE_PREFIX)) {
            String reason = method.substring(DECLINE_PREFIX.length());
            result = new Declined(reason.isBlank() ? "declined" : reason);
        } else if (method.startsWith(KNOWN_PREFIX)) {
            result = new Approved("ch_" + ids.newId());
        } else {
            result = new Declined("unknown-payment-method");
        }
        charges.put(request.idempotencyKey(), new Remembered<>(request, result));
        return result;
    }

    @Override
    public synchronized RefundReceipt refund(RefundRequest request) {
        admit();
        var earlier = refunds.get(request.idempotencyKey());
        if (earlier != null) {
            return earlier.answerTo(request);
        }
        RefundReceipt receipt = new RefundReceipt("re_" + ids.newId());
        refunds.put(request.idempotencyKey(), new Remembered<>(request, receipt));
        return receipt;
    }

    /** Counts the call against the rate limit, then spends the latency. */
    private void admit() {
        Instant now = clock.instant();
        Instant windowStart = now.minusSeconds(1);
        while (!recentCalls.isEmpty() && !recentCalls.peekFirst().isAfter(windowStart)) {
            recentCalls.removeFirst();
        }
        if (recentCalls.size() >= maxCallsPerSecond) {
            throw new PaymentProviderUnavailableException("the payment provider's rate limit of "
                    + maxCallsPerSecond + " calls per second was exceeded");
        }
        recentCalls.addLast(now);
        if (!latency.isZero()) {
            try {
                sleeper.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PaymentProviderUnavailableException("the call to the payment provider was interrupted");
            }
        }
    }

    private record Remembered<Q, A>(Q request, A answer) {
        A answerTo(Q repeated) {
            if (!request.equals(repeated)) {
                throw new IllegalArgumentException("idempotency key reused for a different request");
            }
            return answer;
        }
    }
}
