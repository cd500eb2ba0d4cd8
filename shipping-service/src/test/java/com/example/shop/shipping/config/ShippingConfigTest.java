package com.example.shop.shipping.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShippingConfigTest {

    @Test
    void the_table_is_read_from_the_environment() {
        assertThat(ShippingConfig.from(Map.of("SHIPMENTS_TABLE", "shipments")).shipmentsTable()).isEqualTo("shipments");
    }

    @Test
    void a_missing_table_names_the_variable() {
        assertThatThrownBy(() -> ShippingConfig.from(Map.of())).hasMessageContaining("SHIPMENTS_TABLE");
    }
}
