package com.example.shop.localcloud.deploy;

import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Expands a SAM template into plain CloudFormation with the AWS SAM translator, the same code
 * that runs behind {@code Transform: AWS::Serverless-2016-10-31} on AWS, offline.
 *
 * <p>Runs {@code infra/local/translate.py} with the project venv's Python; see that script for how
 * it gets by without AWS credentials.
 */
public final class SamTemplateTranslator {

    static final Path SCRIPT = Path.of("infra", "local", "translate.py");
    private static final long TIMEOUT_SECONDS = 120;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PythonEnvironment python;

    public SamTemplateTranslator(PythonEnvironment python) {
        this.python = Objects.requireNonNull(python, "python");
    }

    /**
     * The CloudFormation template the SAM transform makes of {@code samTemplate}.
     *
     * @param parameters template parameter values; parameters left out keep their defaults
     * @throws LocalDeployException when the translator rejects the template, with its reasons
     */
    public JsonNode translate(Path samTemplate, Map<String, String> parameters) {
        if (!Files.isRegularFile(samTemplate)) {
            throw new LocalDeployException("No SAM template at " + samTemplate.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of(python.python().toString(),
                python.root().resolve(SCRIPT).toString(), samTemplate.toAbsolutePath().toString()));
        new TreeMap<>(parameters).forEach((name, value) -> command.addAll(List.of("--parameter", name + "=" + value)));

        Path errors = null;
        try {
            errors = Files.createTempFile("sam-translate", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putIfAbsent("AWS_DEFAULT_REGION", "us-east-1");
            Process process = builder.start();
            byte[] stdout;
            try (InputStream out = process.getInputStream()) {
                stdout = out.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalDeployException("The SAM translator gave no result for " + samTemplate + " within "
                        + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new LocalDeployException("The SAM translator rejected " + samTemplate + ":"
                        + System.lineSeparator() + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
            return MAPPER.readTree(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + SCRIPT + " for " + samTemplate, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalDeployException("Interrupted while translating " + samTemplate, e);
        } finally {
            deleteQuietly(errors);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
