package com.example.shop.inventory.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod-espresso-beans-1kg", "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e", "sku:42", "A.b_c"})
    void accepts_catalogue_ids(String value) {
        assertThat(new ProductId(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "stock#x", "-leading-dash", "with space", "ä"})
    void refuses_what_cannot_be_part_of_a_key(String value) {
        assertThat(ProductId.isWellFormed(value)).isFalse();
        assertThatThrownBy(() -> new ProductId(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
