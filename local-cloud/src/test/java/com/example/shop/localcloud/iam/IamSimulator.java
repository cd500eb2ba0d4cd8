package com.example.shop.localcloud.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real IAM policy evaluator: {@code @cloud-copilot/iam-simulate} (npm), run by
 * {@code infra/local/iam/evaluate.mjs} with Node. It evaluates identity policies the way IAM does
 * (Allow, explicit and implicit Deny, resource patterns, every condition operator including the
 * multivalued {@code ForAllValues:} ones) and refuses an action, resource type or condition key
 * that the action does not know. moto's policy classes were the other candidate: they ignore every
 * condition operator but {@code StringEquals} and pass a condition whose key the request lacks, so
 * a PutEvents without {@code events:source} would have been allowed.
 *
 * <p>Installed on first use into {@code <root>/.local-cloud/iam-simulate} from the exact pins of
 * {@code infra/local/iam/package.json} (reinstalled when they change), as the Python venvs are;
 * needs {@code node} and {@code npm} on the PATH.
 */
final class IamSimulator {

    /** One question for IAM. */
    record Request(String id, String role, List<JsonNode> policies, String action, String resource,
                   Map<String, Object> context) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("infra", "local", "iam");

    private final Path home;

    private IamSimulator(Path home) {
        this.home = home;
    }

    /** The evaluator of the project at {@code root}, installed if need be. */
    static synchronized IamSimulator installedUnder(Path root) {
        Path home = root.resolve(".local-cloud").resolve("iam-simulate");
        try {
            Files.createDirectories(home);
            byte[] pins = Files.readAllBytes(root.resolve(SOURCES).resolve("package.json"));
            String wanted = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pins));
            Path stamp = home.resolve(".package.sha256");
            if (!Files.exists(stamp) || !Files.readString(stamp).strip().equals(wanted)) {
                Files.write(home.resolve("package.json"), pins);
                run(home, List.of("npm", "install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"),
                        null, 300);
                Files.writeString(stamp, wanted);
            }
            Files.copy(root.resolve(SOURCES).resolve("evaluate.mjs"), home.resolve("evaluate.mjs"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the IAM evaluator under " + home, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new IamSimulator(home);
    }

    /** IAM's decision for each request, by id: Allowed, ImplicitlyDenied, ExplicitlyDenied or Error. */
    Map<String, String> decide(List<Request> requests) {
        ObjectNode input = JSON.createObjectNode();
        input.put("account", FunctionPolicies.ACCOUNT);
        ArrayNode items = input.putArray("requests");
        for (Request request : requests) {
            ObjectNode item = items.addObject();
            item.put("id", request.id());
            item.put("role", request.role());
            item.putArray("policies").addAll(request.policies());
            item.put("action", request.action());
            item.put("resource", request.resource());
            item.set("context", JSON.valueToTree(request.context()));
        }
        try {
            String output = run(home, List.of("node", "evaluate.mjs"), JSON.writeValueAsString(input), 120);
            JsonNode results = JSON.readTree(output);
            Map<String, String> decisions = new LinkedHashMap<>();
            for (Request request : requests) {
                JsonNode result = results.path(request.id());
                decisions.put(request.id(), result.path("result").asText("Missing")
                        + (result.has("detail") ? " " + result.path("detail").asText() : ""));
            }
            return decisions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(Path directory, List<String> command, String stdin, long timeoutSeconds) throws IOException {
        Path errors = Files.createTempFile("iam-simulate", ".err");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(directory.toFile()).redirectError(errors.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("The least-privilege proof runs " + command.getFirst()
                        + ", which is not on the PATH: install Node.js with npm (README, Prerequisites)", e);
            }
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " in " + directory + " failed ("
                        + process.exitValue() + "): " + Files.readString(errors));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
