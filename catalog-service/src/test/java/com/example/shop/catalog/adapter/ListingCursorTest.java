package com.example.shop.catalog.adapter;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The listing cursor: the index key it stands for, and nothing a client could forge. */
class ListingCursorTest {

    private static final Map<String, AttributeValue> KEY = Map.of(
            "pk", AttributeValue.fromS("prod-1"),
            "categoryId", AttributeValue.fromS("cat-coffee"),
            "sortKey", AttributeValue.fromS("aeropress#prod-1"));

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_cursor_is_the_base64url_json_of_the_last_evaluated_key_and_decodes_back() {
        String cursor = ListingCursor.encode(KEY);

        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
                .isEqualTo("{\"categoryId\":\"cat-coffee\",\"pk\":\"prod-1\",\"sortKey\":\"aeropress#prod-1\"}");
        assertThat(cursor).doesNotContain("=", "+", "/");
        assertThat(ListingCursor.decode(cursor, "cat-coffee")).isEqualTo(KEY);
    }

    @Test
    void text_that_is_not_base64url_json_is_refused() {
        assertThatThrownBy(() -> ListingCursor.decode("!!!", "cat-coffee")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListingCursor.decode(base64("not json"), "cat-coffee"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListingCursor.decode(base64("[1,2,3]"), "cat-coffee"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListingCursor.decode("", "cat-coffee")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_with_missing_extra_or_non_string_attributes_is_refused() {
        assertThatThrownBy(() -> ListingCursor.decode(base64("{\"pk\":\"p\",\"categoryId\":\"cat-coffee\"}"), "cat-coffee"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListingCursor.decode(base64(
                "{\"pk\":\"p\",\"categoryId\":\"cat-coffee\",\"sortKey\":\"a#p\",\"x\":\"y\"}"), "cat-coffee"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListingCursor.decode(base64(
                "{\"pk\":1,\"categoryId\":\"cat-coffee\",\"sortKey\":\"a#p\"}"), "cat-coffee"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_cursor_of_another_categorys_listing_is_refused() {
        assertThatThrownBy(() -> ListingCursor.decode(ListingCursor.encode(KEY), "cat-tea"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another category");
    }

    @Test
    void a_forged_key_with_a_malformed_product_id_a_foreign_sort_key_or_an_oversized_sort_key_is_refused() {
        for (String forged : List.of(
                "{\"pk\":\"prod 1\",\"categoryId\":\"cat-coffee\",\"sortKey\":\"a#prod 1\"}",
                "{\"pk\":\"prod-1\",\"categoryId\":\"cat-coffee\",\"sortKey\":\"a#prod-2\"}",
                "{\"pk\":\"prod-1\",\"categoryId\":\"cat-coffee\",\"sortKey\":\"" + "\u00e9".repeat(520)
                        + "#prod-1\"}")) {
            assertThatThrownBy(() -> ListingCursor.decode(base64(forged), "cat-coffee")).as(forged)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void an_overlong_cursor_is_refused_before_decoding() {
        assertThatThrownBy(() -> ListingCursor.decode("a".repeat(ListingCursor.MAX_LENGTH + 1), "cat-coffee"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
