package com.example.shop.notification.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplateTest {

    private static final String TEXT = """
            Subject: Order {{orderId}} for {{name}}

            Hello {{name}},
            your order {{orderId}} costs {{total}}.
            """;

    @Test
    void every_placeholder_is_replaced_in_subject_and_body() {
        RenderedMessage message = MessageTemplate.parse("t", TEXT)
                .render(Map.of("orderId", "o-1", "name", "Erika", "total", "EUR 50.30"));

        assertThat(message.subject()).isEqualTo("Order o-1 for Erika");
        assertThat(message.body()).isEqualTo("Hello Erika,\nyour order o-1 costs EUR 50.30.\n");
    }

    @Test
    void the_placeholders_are_listed_in_order_of_first_appearance() {
        assertThat(MessageTemplate.parse("t", TEXT).placeholders()).containsExactly("orderId", "name", "total");
    }

    @Test
    void values_are_inserted_verbatim_even_with_regex_replacement_characters() {
        RenderedMessage message = MessageTemplate.parse("t", "Subject: {{a}}\n\n{{b}}\n")
                .render(Map.of("a", "costs $5", "b", "C:\\path {{not-a-placeholder}}"));

        assertThat(message.subject()).isEqualTo("costs $5");
        assertThat(message.body()).isEqualTo("C:\\path {{not-a-placeholder}}\n");
    }

    @Test
    void a_placeholder_without_a_value_is_an_error_not_a_gap() {
        MessageTemplate template = MessageTemplate.parse("OrderPlaced.txt", TEXT);

        assertThatThrownBy(() -> template.render(Map.of("orderId", "o-1", "name", "Erika")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderPlaced.txt").hasMessageContaining("{{total}}");
    }

    @Test
    void values_the_template_does_not_use_are_ignored() {
        RenderedMessage message = MessageTemplate.parse("t", "Subject: Hi\n\nHello\n").render(Map.of("unused", "x"));

        assertThat(message.body()).isEqualTo("Hello\n");
    }

    @Test
    void windows_line_endings_read_like_unix_ones() {
        RenderedMessage message = MessageTemplate.parse("t", "Subject: Hi {{n}}\r\n\r\nLine 1\r\nLine 2\r\n")
                .render(Map.of("n", "there"));

        assertThat(message.subject()).isEqualTo("Hi there");
        assertThat(message.body()).isEqualTo("Line 1\nLine 2\n");
    }

    @Test
    void a_multi_line_value_cannot_break_the_subject_line() {
        MessageTemplate template = MessageTemplate.parse("t", "Subject: {{x}}\n\nBody\n");

        assertThatThrownBy(() -> template.render(Map.of("x", "two\nlines")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single line");
    }

    @Test
    void a_text_without_subject_line_and_empty_line_is_no_template() {
        assertThatThrownBy(() -> MessageTemplate.parse("a.txt", "Hello\n\nBody\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.txt");
        assertThatThrownBy(() -> MessageTemplate.parse("b.txt", "Subject: Hi\nBody right away\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b.txt");
        assertThatThrownBy(() -> MessageTemplate.parse("c.txt", "Subject: Hi\n\n   \n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c.txt");
    }
}
