package com.example.shop.shipping.adapter;

import com.example.shop.events.Money;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.ShippingAddress;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.shipping.domain.CarrierBookings.Booked;
import com.example.shop.shipping.domain.CarrierBookings.Parcel;
import com.example.shop.shipping.domain.CarrierBookings.Refused;
import com.example.shop.shipping.domain.CarrierBookings.Withdrawal;
import com.example.shop.shipping.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedCarrierBookingsTest {

    private final SimulatedCarrierBookings carriers =
            new SimulatedCarrierBookings(SequentialIds.prefixed("id-"), Fixtures.CLOCK);

    @Test
    void a_parcel_is_booked_with_the_destinations_carrier_in_its_format_and_time() {
        assertThat(carriers.book(parcel("order-1", "DE", new Money(5030, "EUR"))))
                .isEqualTo(new Booked("DHL", "JJDID1", LocalDate.of(2026, 12, 1)));
        assertThat(carriers.book(parcel("order-2", "US", new Money(5030, "USD"))))
                .isEqualTo(new Booked("UPS", "1ZID2", LocalDate.of(2026, 12, 8)));
    }

    @ParameterizedTest(name = "a parcel to {0} is refused")
    @ValueSource(strings = {"AQ", "KP"})
    void a_destination_no_carrier_serves_is_refused(String country) {
        assertThat(carriers.book(parcel("order-1", country, new Money(5030, "EUR"))))
                .isEqualTo(new Refused("no carrier delivers to " + country));
    }

    @Test
    void a_parcel_worth_up_to_five_thousand_is_taken_and_one_cent_more_is_refused() {
        assertThat(carriers.book(parcel("order-1", "DE", new Money(5_000_00, "EUR")))).isInstanceOf(Booked.class);
        assertThat(carriers.book(parcel("order-2", "DE", new Money(5_000_01, "EUR"))))
                .isEqualTo(new Refused("a declared value of 5000.01 EUR is over the carriers' limit of 5000 EUR"));
    }

    @Test
    void the_limit_counts_in_whole_units_of_the_parcels_currency() {
        assertThat(carriers.book(parcel("order-1", "JP", new Money(5_000, "JPY")))).isInstanceOf(Booked.class);
        assertThat(carriers.book(parcel("order-2", "JP", new Money(5_001, "JPY"))))
                .isEqualTo(new Refused("a declared value of 5001 JPY is over the carriers' limit of 5000 JPY"));
    }

    @Test
    void a_repeated_idempotency_key_gets_the_first_booking_back() {
        var first = carriers.book(parcel("order-1", "DE", new Money(5030, "EUR")));

        assertThat(carriers.book(parcel("order-1", "DE", new Money(5030, "EUR")))).isEqualTo(first);
        assertThatThrownBy(() -> carriers.book(parcel("order-1", "FR", new Money(5030, "EUR"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_withdrawal_is_accepted_twice_and_for_a_booking_made_elsewhere() {
        Withdrawal withdrawal = new Withdrawal("order-9", "DHL", "JJD999");

        carriers.withdraw(withdrawal);
        carriers.withdraw(withdrawal);

        assertThat(carriers.isWithdrawn(withdrawal)).isTrue();
    }

    private static Parcel parcel(String orderId, String country, Money value) {
        ShippingAddress a = SampleEvents.address();
        return new Parcel(orderId, new ShippingAddress(a.recipientName(), a.line1(), a.line2(), a.city(), a.postalCode(),
                country), value);
    }
}
