package com.example.shop.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code AWS::Serverless::Function} of the template with its {@code CodeUri} (the zip),
 * read straight from the template's text: the deployed system knows handlers and environments but
 * not where the code came from.
 */
final class TemplateFunctions {

    private static final Pattern RESOURCE = Pattern.compile("^  ([A-Za-z0-9]+):\\s*$");
    private static final Pattern CODE_URI = Pattern.compile("^\\s+CodeUri:\\s*(\\S+)\\s*$");

    private TemplateFunctions() {
    }

    /** Logical id → zip path (resolved against the template's folder), in template order. */
    static Map<String, Path> codeUris(Path template) throws IOException {
        Map<String, Path> zips = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(template);
        String resource = null;
        boolean function = false;
        for (String line : lines) {
            Matcher r = RESOURCE.matcher(line);
            if (r.matches()) {
                resource = r.group(1);
                function = false;
                continue;
            }
            if (line.trim().equals("Type: AWS::Serverless::Function")) {
                function = true;
            }
            Matcher c = CODE_URI.matcher(line);
            if (function && resource != null && c.matches()) {
                zips.put(resource, template.getParent().resolve(c.group(1)).normalize());
            }
        }
        return zips;
    }
}
