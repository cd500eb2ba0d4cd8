package com.example.shop.platform.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Texts an attacker or a broken client sends where the shop expects a name, an id or a number:
 * every Unicode space, control characters, unpaired surrogates, emoji and combining marks,
 * lengths around a limit counted in code points and in UTF-16 units, and a 1 MB string.
 *
 * <p>{@link #textBoundaries} lists them deterministically for the schema/domain agreement tests;
 * {@link #strings} draws from them (and from random mixtures) for the property tests.
 */
public final class HostileInputs {

    /** Every Unicode {@code White_Space} character and the zero-width ones a name may be made of. */
    public static final List<String> SPACES = List.of("\t", "\n", "\u000B", "\f", "\r", " ", "\u0085", "\u00A0",
            "\u1680", "\u180E", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007",
            "\u2008", "\u2009", "\u200A", "\u200B", "\u200C", "\u200D", "\u2028", "\u2029", "\u202F", "\u205F",
            "\u2060", "\u3000", "\uFEFF");

    /** Control characters (Unicode category Cc), from NUL to the end of C1. */
    public static final List<String> CONTROLS = List.of("\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r",
            "\u001B", "\u001F", "\u007F", "\u0080", "\u0085", "\u009F");

    /** Unpaired surrogates, alone and inside text, and a pair in the wrong order. */
    public static final List<String> LONE_SURROGATES = List.of("\uD800", "\uDFFF", "\uD83D", "a\uDC00b",
            "abc\uD83D", "\uDE00\uD83D");

    /** A 4-byte UTF-8 character: one code point, two UTF-16 units. */
    public static final String EMOJI = "\uD83D\uDE00";
    /** An {@code e} with a combining acute accent: two code points, one grapheme. */
    public static final String COMBINED_E = "e\u0301";
    /** A 1 MB (1,048,576 code points) string. */
    public static final String ONE_MEGABYTE = "x".repeat(1 << 20);

    private HostileInputs() {
    }

    /**
     * The boundary cases of a text field of {@code minLength} to {@code maxLength} code points:
     * lengths at and past both ends counted in code points and in UTF-16 units (ASCII, emoji,
     * combining marks), each space alone, repeated and around a letter, each control character
     * alone and inside text, and unpaired surrogates.
     */
    public static List<String> textBoundaries(int minLength, int maxLength) {
        List<String> cases = new ArrayList<>();
        cases.add("");
        for (int length : new int[] {Math.max(0, minLength - 1), minLength, minLength + 1, maxLength - 1, maxLength,
                maxLength + 1}) {
            cases.add("a".repeat(length));
            cases.add(EMOJI.repeat(length));
            cases.add("a" + COMBINED_E.repeat(Math.max(0, length - 1) / 2) + (length % 2 == 0 ? "b" : ""));
        }
        // code points within the limit, UTF-16 units past it
        cases.add(EMOJI.repeat(maxLength / 2 + 1));
        cases.add("b" + "\u0301".repeat(maxLength - 1));
        cases.add("b" + "\u0301".repeat(maxLength));
        for (String space : SPACES) {
            cases.add(space);
            cases.add(space.repeat(Math.max(1, Math.min(maxLength, 3))));
            cases.add(space + "a" + space);
        }
        for (String control : CONTROLS) {
            cases.add(control);
            cases.add("ab" + control + "cd");
            cases.add("abc" + control);
        }
        cases.addAll(LONE_SURROGATES);
        cases.add(EMOJI);
        cases.add("Caf" + COMBINED_E);
        return List.copyOf(cases);
    }

    /** Hostile texts for a field limited to {@code maxLength} code points (any field: also ids, numbers as text). */
    public static Arbitrary<String> strings(int maxLength) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(textBoundaries(1, Math.max(2, maxLength)))),
                Tuple.of(3, mixtures()),
                Tuple.of(1, Arbitraries.of(ONE_MEGABYTE, EMOJI.repeat(1 << 18),
                        "\u3000".repeat(1 << 18), "../../etc/passwd", "%00", "a#b", "${jndi:ldap://x}",
                        "' OR '1'='1", "-1", "0", "1e400", "NaN", "null", "[]", "{}")));
    }

    /** Short strings drawn from letters, spaces, controls, surrogate halves and emoji. */
    public static Arbitrary<String> mixtures() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(SPACES), Arbitraries.of(CONTROLS), Arbitraries.of(LONE_SURROGATES),
                Arbitraries.of(EMOJI, COMBINED_E, "\u0301", "a", "Z", "9", "-", "_", ".", "#", "/", "\"", "\\"),
                Arbitraries.chars().all().map(String::valueOf));
        return piece.list().ofMinSize(0).ofMaxSize(40).map(pieces -> String.join("", pieces));
    }
}
