package com.example.shop.localcloud.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path such as {@code /orders/{orderId}} or {@code /files/{proxy+}}, matched segment by
 * segment against decoded request paths. A greedy {@code {name+}} variable must be last and
 * takes one or more remaining segments.
 */
final class PathTemplate {

    /** Literal segments are more specific than variables, which are more specific than a greedy one. */
    private enum Kind { LITERAL, VARIABLE, GREEDY }

    private record Segment(Kind kind, String text) {
    }

    /**
     * Orders templates most specific first: a template without a greedy variable before one with
     * it; then, position by position, a literal before a variable before a greedy variable; then
     * the longer template first.
     */
    static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST = PathTemplate::compareSpecificity;

    private final String template;
    private final List<Segment> segments;

    private PathTemplate(String template, List<Segment> segments) {
        this.template = template;
        this.segments = segments;
    }

    static PathTemplate parse(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("A route path starts with '/': " + template);
        }
        List<Segment> segments = new ArrayList<>();
        List<String> parts = split(template);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
                String name = part.substring(1, part.length() - 1);
                if (name.endsWith("+")) {
                    if (i != parts.size() - 1) {
                        throw new IllegalArgumentException("A greedy path variable must be last: " + template);
                    }
                    segments.add(new Segment(Kind.GREEDY, name.substring(0, name.length() - 1)));
                } else {
                    segments.add(new Segment(Kind.VARIABLE, name));
                }
            } else {
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
        return new PathTemplate(template, List.copyOf(segments));
    }

    /**
     * The path parameters when {@code requestSegments} (decoded) fit this template.
     */
    Optional<Map<String, String>> match(List<String> requestSegments) {
        boolean greedy = isGreedy();
        int fixed = greedy ? segments.size() - 1 : segments.size();
        if (greedy ? requestSegments.size() <= fixed : requestSegments.size() != fixed) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < fixed; i++) {
            Segment segment = segments.get(i);
            String value = requestSegments.get(i);
            if (segment.kind() == Kind.LITERAL) {
                if (!segment.text().equals(value)) {
                    return Optional.empty();
                }
            } else if (value.isEmpty()) {
                return Optional.empty();
            } else {
                parameters.put(segment.text(), value);
            }
        }
        if (greedy) {
            String rest = String.join("/", requestSegments.subList(fixed, requestSegments.size()));
            if (rest.isEmpty()) {
                return Optional.empty();
            }
            parameters.put(segments.getLast().text(), rest);
        }
        return Optional.of(parameters);
    }

    boolean isGreedy() {
        return !segments.isEmpty() && segments.getLast().kind() == Kind.GREEDY;
    }

    /** The segments of a path: {@code /a/b} gives {@code [a, b]}, {@code /} gives none. */
    static List<String> split(String path) {
        String withoutSlash = path.startsWith("/") ? path.substring(1) : path;
        return withoutSlash.isEmpty() ? List.of() : List.of(withoutSlash.split("/", -1));
    }

    private static int compareSpecificity(PathTemplate a, PathTemplate b) {
        if (a.isGreedy() != b.isGreedy()) {
            return a.isGreedy() ? 1 : -1;
        }
        int common = Math.min(a.segments.size(), b.segments.size());
        for (int i = 0; i < common; i++) {
            int byKind = a.segments.get(i).kind().compareTo(b.segments.get(i).kind());
            if (byKind != 0) {
                return byKind;
            }
        }
        return Integer.compare(b.segments.size(), a.segments.size());
    }

    @Override
    public String toString() {
        return template;
    }
}
