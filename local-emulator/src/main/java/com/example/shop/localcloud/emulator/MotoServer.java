package com.example.shop.localcloud.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    private static final System.Logger LOG = System.getLogger(MotoServer.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int START_ATTEMPTS = 3;
    private static final Duration LOG_RETENTION = Duration.ofDays(1);

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
        this.shutdownHook = new Thread(this::stopProcess, "moto-server-" + port + "-shutdown");
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
        pruneOldLogs(python.home());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            Path log = python.home().resolve("moto-" + port + ".log");
            long started = System.nanoTime();
            Process process = launch(python.python(), motoServer, port, log);
            try {
                awaitAnswer(process, URI.create("http://127.0.0.1:" + port + "/moto-api/"), http, log);
                MotoServer server = new MotoServer(python, process, port, log, http);
                LOG.log(Level.INFO, "moto answering at {0} after {1} ms (log: {2})", server.endpoint,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), log);
                return server;
            } catch (IllegalStateException e) {
                process.destroyForcibly();
                last = e;
            }
        }
        throw last;
    }

    /** Logs of servers from earlier days: kept a day for diagnosis, then they only take space. */
    private static void pruneOldLogs(Path home) {
        Instant cutoff = Instant.now().minus(LOG_RETENTION);
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(home, "moto-*.log")) {
            for (Path log : logs) {
                if (Files.getLastModifiedTime(log).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(log);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Old moto logs left in {0}: {1}", home, e.toString());
        }
    }

    /**
     * Runs moto through {@code infra/local/moto_server.py}, which makes DynamoDB's conditional
     * writes and transactions atomic as they are on AWS (moto's own server does not).
     */
    private static Process launch(Path python, Path motoServer, int port, Path log) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(python.toString(), motoServer.toString(),
                    "-H", "127.0.0.1", "-p", Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PYTHONUNBUFFERED", "1");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + motoServer, e);
        }
    }

    private static void awaitAnswer(Process process, URI probe, HttpClient http, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + " before answering:"
                        + System.lineSeparator() + PythonEnvironment.tail(log, 20));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500) {
                    return;
                }
            } catch (ConnectException notYetListening) {
                // the interpreter is still importing moto: poll again
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "moto not answering yet: {0}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for moto to start", e);
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException("moto did not answer at " + probe + " within " + START_TIMEOUT.toSeconds()
                + " s; see " + log);
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
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto reset failed at " + endpoint + "; see " + logFile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while resetting moto", e);
        }
    }

    /** Stops the server: a polite signal first, then forcibly if it has not ended in a few seconds. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to unregister
        }
        http.close();
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for moto", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for moto", e);
        }
    }

    @Override
    public String toString() {
        return "MotoServer[" + endpoint + "]";
    }
}
