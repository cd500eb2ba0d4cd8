package com.example.shop.shipping.adapter;

import com.example.shop.events.IdGenerator;
import com.example.shop.events.Money;
import com.example.shop.shipping.domain.CarrierBookings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stand-in parcel carriers, so the shop runs end to end without carrier accounts: they book by
 * the shop's contracts ({@link Carriers}: the carrier by destination country, its tracking-number
 * format and its business days to deliver) and refuse, like the payment simulator's decline
 * cards, what a demo or a test can choose by the order's address and total.
 *
 * <table>
 *   <caption>Refusals</caption>
 *   <tr><th>parcel</th><th>outcome</th></tr>
 *   <tr><td>destination country {@code AQ} (Antarctica) or {@code KP} (North Korea)</td>
 *       <td>refused: no carrier serves the destination</td></tr>
 *   <tr><td>declared value over 5,000.00 in its currency (5,000 whole units: 500000 cents of
 *       EUR, 5000 yen)</td><td>refused: over the carriers' declared-value limit</td></tr>
 *   <tr><td>anything else</td><td>booked with the destination's carrier; the tracking number is
 *       the carrier's prefix and the letters and digits of a new id, the estimate the clock's
 *       date plus the carrier's business days</td></tr>
 * </table>
 *
 * <p>Answers are remembered by idempotency key (the order id): a repeated booking gets the first
 * answer back and books no second parcel; reusing a key for a different parcel is refused, as
 * carriers' APIs do. A withdrawal is accepted whether or not this simulator remembers the
 * booking, so withdrawing twice, or from another execution environment, is harmless. The memory
 * is this execution environment's, standing in for the carrier's own; no parcel moves anyway.
 * Thread-safe.
 */
public final class SimulatedCarrierBookings implements CarrierBookings {

    /** Destinations no carrier of the shop serves. */
    static final Set<String> UNSERVED_COUNTRIES = Set.of("AQ", "KP");

    /** The most a parcel may be declared to be worth, in whole units of its currency. */
    static final long DECLARED_VALUE_LIMIT = 5_000;

    private final IdGenerator ids;
    private final Clock clock;
    private final Map<String, Remembered> bookings = new HashMap<>();
    private final Set<Withdrawal> withdrawals = new HashSet<>();

    /**
     * @param ids the source of tracking numbers
     * @param clock the day a booking is made, which delivery estimates count from (UTC as wired for Lambda)
     */
    public SimulatedCarrierBookings(IdGenerator ids, Clock clock) {
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized BookingResult book(Parcel parcel) {
        Remembered earlier = bookings.get(parcel.orderId());
        if (earlier != null) {
            return earlier.answerTo(parcel);
        }
        BookingResult result = decide(parcel);
        bookings.put(parcel.orderId(), new Remembered(parcel, result));
        return result;
    }

    @Override
    public synchronized void withdraw(Withdrawal withdrawal) {
        withdrawals.add(withdrawal);
    }

    /** Whether the booking was withdrawn through this simulator. */
    public synchronized boolean isWithdrawn(Withdrawal withdrawal) {
        return withdrawals.contains(withdrawal);
    }

    private BookingResult decide(Parcel parcel) {
        String country = parcel.destination().countryCode();
        if (UNSERVED_COUNTRIES.contains(country)) {
            return new Refused("no carrier delivers to " + country);
        }
        Money value = parcel.declaredValue();
        if (value.amountMinor() > limitInMinorUnits(value.currency())) {
            return new Refused("a declared value of " + inWholeUnits(value) + " is over the carriers' limit of "
                    + DECLARED_VALUE_LIMIT + " " + value.currency());
        }
        Carrier carrier = Carriers.forCountry(country);
        return new Booked(carrier.name(), carrier.trackingNumber(ids.newId()),
                BusinessDays.after(LocalDate.now(clock), carrier.businessDaysToDeliver()));
    }

    private static long limitInMinorUnits(String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(DECLARED_VALUE_LIMIT).movePointRight(digits).longValueExact();
    }

    private static String inWholeUnits(Money money) {
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amountMinor(), digits).toPlainString() + " " + money.currency();
    }

    private record Remembered(Parcel parcel, BookingResult answer) {
        BookingResult answerTo(Parcel repeated) {
            if (!parcel.equals(repeated)) {
                throw new IllegalArgumentException("idempotency key " + parcel.orderId()
                        + " reused for a different parcel");
            }
            return answer;
        }
    }
}
