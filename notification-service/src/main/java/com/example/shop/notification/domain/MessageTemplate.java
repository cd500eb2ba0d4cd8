package com.example.shop.notification.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of one kind of customer message, with {@code {{placeholder}}} gaps for the values of
 * a particular order; a deliberately tiny renderer, so the templates stay readable text files and
 * no template engine rides in the function's package.
 *
 * <p>The text format: the first line is {@code Subject: <subject>}, then one empty line, then the
 * body. A placeholder is a name of letters and digits between double braces. Rendering replaces
 * every placeholder with its value, verbatim (no escaping: the output is plain text); a
 * placeholder without a value is an error, never an empty gap in a customer's mail.
 */
public final class MessageTemplate {

    private static final String SUBJECT_PREFIX = "Subject:";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

    private final String name;
    private final String subject;
    private final String body;
    private final Set<String> placeholders;

    private MessageTemplate(String name, String subject, String body) {
        this.name = name;
        this.subject = subject;
        this.body = body;
        Set<String> found = new LinkedHashSet<>();
        collect(subject, found);
        collect(body, found);
        this.placeholders = Collections.unmodifiableSet(found);
    }

    /**
     * Reads a template's text.
     *
     * @param name what to call the template in error messages, e.g. its file name
     * @param text the subject line, an empty line, the body
     * @throws IllegalArgumentException when the text does not have that shape
     */
    public static MessageTemplate parse(String name, String text) {
        Text.requireNonBlank(name, "name");
        if (text == null) {
            throw new IllegalArgumentException("template " + name + " has no text");
        }
        String normalised = text.replace("\r\n", "\n");
        String[] parts = normalised.split("\n", 3);
        if (parts.length < 3 || !parts[0].startsWith(SUBJECT_PREFIX) || !parts[1].isBlank()) {
            throw new IllegalArgumentException("template " + name
                    + " must start with a 'Subject: ...' line followed by an empty line and the body");
        }
        String subject = parts[0].substring(SUBJECT_PREFIX.length()).strip();
        String body = parts[2].stripTrailing() + "\n";
        if (subject.isEmpty() || body.isBlank()) {
            throw new IllegalArgumentException("template " + name + " must have a subject and a body");
        }
        return new MessageTemplate(name, subject, body);
    }

    /** The names of every placeholder in the subject and the body, in order of first appearance. */
    public Set<String> placeholders() {
        return placeholders;
    }

    /**
     * Fills the gaps.
     *
     * @param values a value for every placeholder; values for names the template does not use are ignored
     * @throws IllegalArgumentException when a placeholder has no value, or a subject value spans lines
     */
    public RenderedMessage render(Map<String, String> values) {
        return new RenderedMessage(fill(subject, values), fill(body, values));
    }

    private String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + name + " needs a value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void collect(String text, Set<String> into) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    @Override
    public String toString() {
        return "MessageTemplate[" + name + "]";
    }
}
