package com.example.shop.shipping.testing;

import com.example.shop.events.IdGenerator;
import com.example.shop.shipping.adapter.SimulatedCarrierBookings;
import com.example.shop.shipping.domain.CarrierBookings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The carriers as a test watches them: every booking and withdrawal shipping asks for is written
 * down before it is passed on, by default to the shop's {@link SimulatedCarrierBookings}. It can
 * also run something in the middle of a booking, after the carrier answered and before the answer
 * is returned: the moment a cancellation can slip in.
 */
public final class RecordingCarrierBookings implements CarrierBookings {

    private final CarrierBookings delegate;
    private final List<Parcel> bookings = new ArrayList<>();
    private final List<Withdrawal> withdrawals = new ArrayList<>();
    private Runnable duringNextBooking;

    public RecordingCarrierBookings(CarrierBookings delegate) {
        this.delegate = delegate;
    }

    /** The simulated carriers, taking tracking numbers from {@code ids} and counting estimates from {@code clock}. */
    public static RecordingCarrierBookings simulated(IdGenerator ids, Clock clock) {
        return new RecordingCarrierBookings(new SimulatedCarrierBookings(ids, clock));
    }

    @Override
    public synchronized BookingResult book(Parcel parcel) {
        bookings.add(parcel);
        BookingResult result = delegate.book(parcel);
        if (duringNextBooking != null) {
            Runnable action = duringNextBooking;
            duringNextBooking = null;
            action.run();
        }
        return result;
    }

    @Override
    public synchronized void withdraw(Withdrawal withdrawal) {
        withdrawals.add(withdrawal);
        delegate.withdraw(withdrawal);
    }

    /** Runs {@code action} while the next booking is in flight. */
    public synchronized void duringNextBooking(Runnable action) {
        this.duringNextBooking = action;
    }

    /** Every parcel shipping asked a carrier to take, in order. */
    public synchronized List<Parcel> bookingRequests() {
        return List.copyOf(bookings);
    }

    /** Every booking shipping took back, in order. */
    public synchronized List<Withdrawal> withdrawals() {
        return List.copyOf(withdrawals);
    }
}
