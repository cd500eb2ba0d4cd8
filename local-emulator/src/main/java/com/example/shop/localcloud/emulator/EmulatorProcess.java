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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every emulator run as a child process has in common, whichever emulator it is: a free
 * loopback port, the process started with its output in a log under {@code .local-cloud}, the
 * wait until it answers HTTP, a POST to one of its admin endpoints, and a polite stop.
 */
final class EmulatorProcess {

    private static final System.Logger LOG = System.getLogger(EmulatorProcess.class.getName());
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final int START_ATTEMPTS = 3;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration LOG_RETENTION = Duration.ofDays(1);

    private EmulatorProcess() {
    }

    /** How to run one emulator on a given loopback port. */
    interface Launch {
        /** The command line that makes the emulator listen on {@code port}. */
        List<String> command(int port);

        /** What the emulator's process environment needs for {@code port}, added to this JVM's. */
        default Map<String, String> environment(int port) {
            return Map.of();
        }
    }

    /** What an emulator's server object is made from once its process answers. */
    interface Answering<T> {
        T server(Process process, int port, Path log, HttpClient http);
    }

    /**
     * Starts an emulator on a free loopback port, its output in {@code <home>/<name>-<port>.log},
     * and returns its server once {@code probePath} answers; a port taken between choosing and
     * binding it (or any failed start) is retried on another, {@value #START_ATTEMPTS} times in all.
     */
    static <T> T start(String name, Path home, Launch launch, String probePath, Answering<T> answering) {
        pruneOldLogs(home, name + "-*.log");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            Path log = home.resolve(name + "-" + port + ".log");
            long started = System.nanoTime();
            Process process = launch(launch.command(port), launch.environment(port), log);
            try {
                awaitAnswer(name, process, URI.create("http://127.0.0.1:" + port + probePath), http, log);
                LOG.log(Level.INFO, "{0} answering on port {1} after {2} ms (log: {3})", name, Integer.toString(port),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), log);
                return answering.server(process, port, log, http);
            } catch (IllegalStateException e) {
                process.destroyForcibly();
                last = e;
            }
        }
        throw last;
    }

    /** Starts {@code command} with {@code environment} added, its output (both streams) into {@code log}. */
    static Process launch(List<String> command, Map<String, String> environment, Path log) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PYTHONUNBUFFERED", "1");
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command.getFirst(), e);
        }
    }

    /** Returns once {@code probe} answers below HTTP 500; fails with the log's tail if the process ends first. */
    static void awaitAnswer(String name, Process process, URI probe, HttpClient http, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before answering:"
                        + System.lineSeparator() + PythonEnvironment.tail(log, 20));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500) {
                    return;
                }
            } catch (ConnectException notYetListening) {
                // the interpreter is still importing the emulator: poll again
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "{0} not answering yet: {1}", name, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name + " to start", e);
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException(name + " did not answer at " + probe + " within " + START_TIMEOUT.toSeconds()
                + " s; see " + log);
    }

    /** POSTs to an admin endpoint (a reset) and returns the body; anything but 200 is an error. */
    static String post(String name, HttpClient http, URI uri, Path log) {
        return send(name, http, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), log);
    }

    /** GETs an inspection endpoint (sent mail) and returns the body; anything but 200 is an error. */
    static String get(String name, HttpClient http, URI uri, Path log) {
        return send(name, http, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), log);
    }

    private static String send(String name, HttpClient http, HttpRequest request, Path log) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + response.statusCode() + " on " + request.uri()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " failed at " + request.uri() + "; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }

    /** Ends the process and its children: a polite signal first, forcibly if it has not ended in a few seconds. */
    static void stop(Process process) {
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

    /** Logs of servers from earlier days ({@code glob} in {@code home}): kept a day for diagnosis. */
    static void pruneOldLogs(Path home, String glob) {
        Instant cutoff = Instant.now().minus(LOG_RETENTION);
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(home, glob)) {
            for (Path log : logs) {
                if (Files.getLastModifiedTime(log).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(log);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Old emulator logs left in {0}: {1}", home, e.toString());
        }
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the emulator", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the emulator", e);
        }
    }
}
