package com.example.shop.localcloud.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One moto server, the AWS emulator of the local cloud, running as a child process on a free
 * loopback port.
 *
 * <p>moto keeps every service's state in memory: {@link #reset()} wipes it (between test classes,
 * or after a failed deploy), {@link #close()} ends the process. A JVM shutdown hook ends it too,
 * so an aborted test run leaves no emulator behind. The server's output goes to
 * {@code <root>/.local-cloud/moto-<port>.log}.
 */
public final class MotoServer implements Emulator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PythonEnvironment python;
    private final Process process;
    private final int port;
    private final URI endpoint;
    private final Path logFile;
    private final HttpClient http;
    private final Thread shutdownHook;

    private MotoServer(PythonEnvironment python, Process process, int port, Path logFile, HttpClient http) {
        this.python = python;
        this.process = process;
        this.port = port;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.logFile = logFile;
        this.http = http;
        this.shutdownHook = new Thread(() -> EmulatorProcess.stop(process), "moto-server-" + port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts moto from the venv of the project this JVM runs in. */
    public static MotoServer start() {
        return start(PythonEnvironment.locate());
    }

    /**
     * Starts moto from {@code python}'s venv (creating it on first use) and returns once the
     * server answers HTTP. A port taken between choosing and binding it is retried on another.
     */
    public static MotoServer start(PythonEnvironment python) {
        Path motoServer = python.root().resolve("infra/local/moto_server.py");
        // moto_server.py makes DynamoDB's conditional writes and transactions atomic as they are
        // on AWS (moto's own server does not)
        return EmulatorProcess.start("moto", python.home(), port -> List.of(python.python().toString(),
                        motoServer.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)), "/moto-api/",
                (process, port, log, http) -> new MotoServer(python, process, port, log, http));
    }

    /** The base URI every SDK client of the local cloud overrides its endpoint with. */
    @Override
    public String name() {
        return "moto";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The venv this server runs from, which holds the rest of the local cloud's tooling too. */
    public PythonEnvironment python() {
        return python;
    }

    /** The loopback port the server listens on. */
    public int port() {
        return port;
    }

    /** Where the server's own output goes, for diagnosing an emulator error. */
    public Path logFile() {
        return logFile;
    }

    /** Whether the process is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Wipes every service's state: queues, tables, stacks, captured emails. */
    @Override
    public void reset() {
        EmulatorProcess.post("moto reset", http, endpoint.resolve("/moto-api/reset"), logFile);
    }

    /** The e-mails moto's SES captured, from its state dump ({@code GET /moto-api/data.json}, under "ses"). */
    @Override
    public List<SentEmail> sentEmails() {
        String body = EmulatorProcess.get("moto data", http, endpoint.resolve("/moto-api/data.json"), logFile);
        List<SentEmail> mails = new ArrayList<>();
        try {
            collect(JSON.readTree(body).path("ses"), mails);
        } catch (IOException e) {
            throw new UncheckedIOException("moto's state dump is not JSON", e);
        }
        return mails;
    }

    private static void collect(JsonNode node, List<SentEmail> mails) {
        if (node.isObject() && node.has("destinations") && node.has("subject")) {
            List<String> to = new ArrayList<>();
            node.path("destinations").forEach(kind -> kind.forEach(address -> to.add(address.asText())));
            if (to.isEmpty()) {
                // some moto versions keep destinations as one list
                to.add(node.path("destinations").toString());
            }
            JsonNode body = node.path("body");
            mails.add(new SentEmail(node.path("source").asText(), to, node.path("subject").asText(),
                    body.isTextual() ? body.asText() : body.toString()));
            return;
        }
        node.forEach(child -> collect(child, mails));
    }

    /** Stops the server: a polite signal first, then forcibly if it has not ended in a few seconds. */
    @Override
    public void close() {
        EmulatorProcess.stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to unregister
        }
        http.close();
    }

    @Override
    public String toString() {
        return "MotoServer[" + endpoint + "]";
    }
}
