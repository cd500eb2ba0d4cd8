package com.example.shop.shipping.adapter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CarriersTest {

    @ParameterizedTest(name = "a parcel to {0} goes with {1}")
    @CsvSource({"DE, DHL", "AT, DPD", "FR, DPD", "NL, DPD", "GB, GLS", "IT, GLS", "SE, GLS", "US, UPS", "JP, UPS"})
    void the_carrier_is_chosen_by_destination_country(String country, String carrier) {
        assertThat(Carriers.forCountry(country).name()).isEqualTo(carrier);
    }

    @Test
    void farther_destinations_take_longer() {
        assertThat(Carriers.DHL.businessDaysToDeliver()).isLessThan(Carriers.DPD.businessDaysToDeliver());
        assertThat(Carriers.DPD.businessDaysToDeliver()).isLessThan(Carriers.GLS.businessDaysToDeliver());
        assertThat(Carriers.GLS.businessDaysToDeliver()).isLessThan(Carriers.UPS.businessDaysToDeliver());
    }

    @Test
    void a_tracking_number_is_the_carriers_prefix_and_the_ids_letters_and_digits() {
        assertThat(Carriers.DHL.trackingNumber("3f9c2b7a-1d4e-4a8b-9c2f-6e5d4c3b2a10")).isEqualTo("JJD3F9C2B7A1D4E4A8B");
        assertThat(Carriers.UPS.trackingNumber("id-7")).isEqualTo("1ZID7");
        assertThatThrownBy(() -> Carriers.UPS.trackingNumber("--")).isInstanceOf(IllegalArgumentException.class);
    }
}
