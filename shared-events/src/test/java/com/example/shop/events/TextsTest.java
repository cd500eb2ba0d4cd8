package com.example.shop.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one definition of a line and a paragraph of text: code points, Unicode blanks, no controls. */
class TextsTest {

    @Test
    void length_counts_code_points_so_an_emoji_is_one_and_a_combining_accent_is_one_more() {
        assertThat(Texts.length("\uD83D\uDE00")).isEqualTo(1);
        assertThat(Texts.length("e\u0301")).isEqualTo(2);
        assertThat(Texts.isLine("\uD83D\uDE00".repeat(200), 200)).isTrue();
        assertThat(Texts.isLine("\uD83D\uDE00".repeat(201), 200)).isFalse();
    }

    @Test
    void a_line_of_unicode_spaces_or_zero_width_characters_only_is_blank() {
        for (String blank : new String[] {"\u2003", "\u00A0", "\u3000", "\u200B\u2060", "\uFEFF", " \t"}) {
            assertThat(Texts.isBlank(blank)).as("U+%04X", (int) blank.charAt(0)).isTrue();
            assertThat(Texts.isLine(blank, 10)).isFalse();
        }
        assertThat(Texts.isLine("\u00A0a\u00A0", 10)).isTrue();
    }

    @Test
    void a_line_holds_no_control_character_and_no_unpaired_surrogate_a_paragraph_may_break_lines() {
        assertThat(Texts.isLine("ab\u0000cd", 10)).isFalse();
        assertThat(Texts.isLine("abc\n", 10)).isFalse();
        assertThat(Texts.isLine("a\uD800b", 10)).isFalse();
        assertThat(Texts.isParagraph("line one\nline two\r\n\tend", 100)).isTrue();
        assertThat(Texts.isParagraph("", 100)).isTrue();
        assertThat(Texts.isParagraph("bell\u0007", 100)).isFalse();
        assertThat(Texts.isParagraph("\uDC00", 100)).isFalse();
    }

    @Test
    void require_line_names_the_field_and_what_is_wrong() {
        assertThatThrownBy(() -> Texts.requireLine("\u2003", 10, "city")).hasMessage("city must not be blank");
        assertThatThrownBy(() -> Texts.requireLine("abcdef", 5, "city")).hasMessage("city must be at most 5 characters");
    }
}
