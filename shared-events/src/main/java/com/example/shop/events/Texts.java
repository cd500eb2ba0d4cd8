package com.example.shop.events;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one definition of the shop's human-readable texts, shared by the JSON Schemas of the HTTP
 * requests and the domain constructors, so that a body the schema accepts is never refused by the
 * domain (which would be a 500) and the reverse.
 *
 * <ul>
 *   <li><b>Length</b> is counted in Unicode code points, as JSON Schema's {@code minLength} and
 *       {@code maxLength} count: an emoji is one, a letter with a combining accent is two.</li>
 *   <li>A <b>line</b> (a name, an address line) holds no control character (Unicode category Cc,
 *       U+0000–U+001F and U+007F–U+009F) and no unpaired surrogate, and at least one character that
 *       is not <b>blank</b>: blank are the Unicode {@code White_Space} characters (U+0020, U+00A0,
 *       U+2000–U+200A, U+3000 …) and the zero-width ones (U+180E, U+200B–U+200D, U+2060, U+FEFF).</li>
 *   <li>A <b>paragraph</b> (a description) may be empty and may hold tabs and line breaks, but no
 *       other control character and no unpaired surrogate.</li>
 * </ul>
 *
 * <p>The schemas carry {@link #LINE_PATTERN} and {@link #PARAGRAPH_PATTERN} verbatim as
 * {@code pattern}; the domain runs the very same expressions. They are read with Unicode (code
 * point) semantics, as Java and ECMA-262 with the {@code u} flag read them.
 */
public final class Texts {

    /** The JSON Schema {@code pattern} of a line; {@link #isLine} runs the same expression. */
    public static final String LINE_PATTERN = "^[^\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]*"
            + "[^\\u0000-\\u0020\\u007F-\\u00A0\\u1680\\u180E\\u2000-\\u200D\\u2028\\u2029\\u202F\\u205F\\u2060\\u3000"
            + "\\uFEFF\\uD800-\\uDFFF]"
            + "[^\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]*$";

    /** The JSON Schema {@code pattern} of a paragraph; {@link #isParagraph} runs the same expression. */
    public static final String PARAGRAPH_PATTERN = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F"
            + "\\uD800-\\uDFFF]*$";

    private static final Pattern LINE = Pattern.compile(LINE_PATTERN);
    private static final Pattern PARAGRAPH = Pattern.compile(PARAGRAPH_PATTERN);
    private static final Pattern NOT_BLANK = Pattern.compile(
            "[^\\u0009-\\u000D\\u0020\\u0085\\u00A0\\u1680\\u180E\\u2000-\\u200D\\u2028\\u2029\\u202F\\u205F\\u2060"
                    + "\\u3000\\uFEFF]");

    private Texts() {
    }

    /** The length of {@code text} in code points, as JSON Schema counts it. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Whether {@code text} is null or holds only blank characters (white space and zero-width ones). */
    public static boolean isBlank(String text) {
        return text == null || !NOT_BLANK.matcher(text).find();
    }

    /** Whether {@code text} is a line of 1 to {@code maxLength} code points. */
    public static boolean isLine(String text, int maxLength) {
        return lineProblem(text, maxLength).isEmpty();
    }

    /** Whether {@code text} is a paragraph of at most {@code maxLength} code points. */
    public static boolean isParagraph(String text, int maxLength) {
        return text != null && length(text) <= maxLength && PARAGRAPH.matcher(text).matches();
    }

    /** What is wrong with {@code text} as a line of at most {@code maxLength} code points, if anything. */
    public static Optional<String> lineProblem(String text, int maxLength) {
        if (text == null || isBlank(text)) {
            return Optional.of("must not be blank");
        }
        if (length(text) > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (!LINE.matcher(text).matches()) {
            return Optional.of("must not hold control characters or unpaired surrogates");
        }
        return Optional.empty();
    }

    /**
     * {@code text} if it is a line of at most {@code maxLength} code points.
     *
     * @throws IllegalArgumentException naming {@code field} and what is wrong
     */
    public static String requireLine(String text, int maxLength, String field) {
        lineProblem(text, maxLength).ifPresent(problem -> {
            throw new IllegalArgumentException(field + " " + problem);
        });
        return text;
    }

    /**
     * {@code text} if it is a paragraph of at most {@code maxLength} code points.
     *
     * @throws IllegalArgumentException naming {@code field} and what is wrong
     */
    public static String requireParagraph(String text, int maxLength, String field) {
        if (!isParagraph(text, maxLength)) {
            throw new IllegalArgumentException(field + " must be present, at most " + maxLength
                    + " characters, without control characters other than tabs and line breaks");
        }
        return text;
    }
}
