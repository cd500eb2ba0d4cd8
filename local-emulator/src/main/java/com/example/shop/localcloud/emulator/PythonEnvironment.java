package com.example.shop.localcloud.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A project-local Python virtualenv that holds the local cloud's tooling: by default moto (the AWS
 * emulator), the SAM translator and cfn-lint, pinned in {@code infra/local/requirements.txt};
 * {@link #companion} gives a second venv beside it for a tool whose pins clash with those
 * (MiniStack, {@code .local-cloud/venv-ministack} from {@code infra/local/requirements-ministack.txt}).
 *
 * <p>The first use on a machine creates {@code <root>/.local-cloud/venv} and installs the pins;
 * later uses reinstall only when the requirements file changed (its hash is stamped into the
 * venv). A file lock serialises that first use across JVMs, because surefire, failsafe and a
 * developer's {@code exec:java} may all start at once.
 */
public final class PythonEnvironment {

    /** System property naming the project root; the Maven build sets it to the reactor root. */
    public static final String ROOT_PROPERTY = "shop.root";
    /** System property naming the Python 3 used to create the venv; {@code python3} by default. */
    public static final String PYTHON_PROPERTY = "shop.python";

    static final Path REQUIREMENTS = Path.of("infra", "local", "requirements.txt");
    private static final String STAMP = ".requirements.sha256";
    private static final long INSTALL_TIMEOUT_MINUTES = 15;
    private static final System.Logger LOG = System.getLogger(PythonEnvironment.class.getName());
    /** FileLock is per JVM, not per thread: threads of one JVM queue here first. */
    private static final ReentrantLock IN_JVM = new ReentrantLock();

    private final Path root;
    private final Path home;
    private final String venvName;
    private final Path requirements;
    private final String bootstrapPython;
    private volatile boolean ready;

    private PythonEnvironment(Path root, String venvName, Path requirements, String bootstrapPython) {
        this.root = root.toAbsolutePath().normalize();
        this.home = this.root.resolve(".local-cloud");
        this.venvName = venvName;
        this.requirements = requirements;
        this.bootstrapPython = bootstrapPython;
    }

    /**
     * A second venv of the same project, {@code <root>/.local-cloud/<venvName>}, installed from its
     * own pins: for a tool that cannot share the default venv (e.g. one pinning an older botocore).
     *
     * @param requirements the pins, relative to the project root
     */
    public PythonEnvironment companion(String venvName, Path requirements) {
        if (!Files.isRegularFile(root.resolve(requirements))) {
            throw new IllegalStateException("No " + requirements + " under " + root);
        }
        return new PythonEnvironment(root, venvName, requirements, bootstrapPython);
    }

    /**
     * The environment of the project this JVM runs in: the root is the {@value #ROOT_PROPERTY}
     * system property when set, otherwise the nearest directory at or above the working directory
     * that holds {@code infra/local/requirements.txt}.
     */
    public static PythonEnvironment locate() {
        return at(findRoot(System.getProperty(ROOT_PROPERTY), Path.of("").toAbsolutePath()));
    }

    /** The environment of the project rooted at {@code root}. */
    public static PythonEnvironment at(Path root) {
        return at(root, System.getProperty(PYTHON_PROPERTY, "python3"));
    }

    /** The environment of the project rooted at {@code root}, bootstrapped with {@code python3Command}. */
    static PythonEnvironment at(Path root, String python3Command) {
        if (!Files.isRegularFile(root.resolve(REQUIREMENTS))) {
            throw new IllegalStateException(root.toAbsolutePath() + " is not the project root: it has no " + REQUIREMENTS);
        }
        return new PythonEnvironment(root, "venv", REQUIREMENTS, python3Command);
    }

    static Path findRoot(String configuredRoot, Path start) {
        if (configuredRoot != null && !configuredRoot.isBlank() && !configuredRoot.startsWith("${")) {
            return Path.of(configuredRoot);
        }
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(REQUIREMENTS))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the project root: no " + REQUIREMENTS + " at or above " + start
                + "; run from inside the project or set -D" + ROOT_PROPERTY + "=<project root>");
    }

    /** The project root, the directory holding {@code infra/}. */
    public Path root() {
        return root;
    }

    /** {@code <root>/.local-cloud}: the venv, emulator logs and other local state, never committed. */
    public Path home() {
        return home;
    }

    /** {@code <root>/.local-cloud/venv} (or the companion's own folder beside it). */
    public Path venv() {
        return home.resolve(venvName);
    }

    /** The pinned requirements this environment installs. */
    public Path requirements() {
        return root.resolve(requirements);
    }

    /** The venv's Python interpreter, creating and installing the venv first if needed. */
    public Path python() {
        return executable("python");
    }

    /** A console script of the venv (e.g. {@code moto_server}), creating the venv first if needed. */
    public Path executable(String name) {
        ensureReady();
        Path path = binDir().resolve(isWindows() ? name + ".exe" : name);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("The local cloud venv has no " + name + " at " + path
                    + ": delete " + venv() + " to have it rebuilt");
        }
        return path;
    }

    /**
     * Makes sure the venv exists and matches the requirements file. Cheap once done in this JVM;
     * otherwise takes the cross-JVM lock, so a concurrent first use waits rather than installing
     * twice.
     */
    public PythonEnvironment ensureReady() {
        if (ready) {
            return this;
        }
        IN_JVM.lock();
        try {
            if (!ready) {
                Files.createDirectories(home);
                try (FileChannel channel = FileChannel.open(home.resolve(venvName + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = channel.lock();
                    try {
                        install();
                    } finally {
                        lock.release();
                    }
                }
                ready = true;
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the local cloud venv at " + venv(), e);
        } finally {
            IN_JVM.unlock();
        }
    }

    private void install() throws IOException {
        String wanted = sha256(Files.readAllBytes(requirements()));
        Path stamp = venv().resolve(STAMP);
        if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(wanted)
                && Files.isExecutable(venvPython())) {
            return;
        }
        Path log = home.resolve(venvName + "-install.log");
        Files.deleteIfExists(log);
        if (!Files.isExecutable(venvPython())) {
            LOG.log(Level.INFO, "Creating the local cloud venv at {0} (first use only)", venv());
            createVenv(log);
        }
        LOG.log(Level.INFO, "Installing {0} into {1}", requirements(), venv());
        long started = System.nanoTime();
        // --no-compile: pip would byte-compile every module of every package (moto's thousands); the
        // interpreter compiles what the emulator imports on first use and caches it, about half the
        // install's time saved (docs/performance.md, "How long mvn verify takes")
        run(List.of(venvPython().toString(), "-m", "pip", "install", "--disable-pip-version-check",
                        "--quiet", "--no-compile", "-r", requirements().toString()),
                log, "pip could not install " + requirements());
        Files.writeString(stamp, wanted + System.lineSeparator(), StandardCharsets.UTF_8);
        LOG.log(Level.INFO, "Local cloud venv ready in {0} s",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    private void createVenv(Path log) throws IOException {
        String missing = "Python 3 with venv is required for the local cloud: install python3 and python3-venv"
                + " (or point -D" + PYTHON_PROPERTY + " at a Python 3.9+ interpreter)";
        try {
            run(List.of(bootstrapPython, "-m", "venv", "--clear", venv().toString()), log, missing);
        } catch (IOException e) {
            throw new IllegalStateException(missing + " [" + bootstrapPython + ": " + e.getMessage() + "]", e);
        }
    }

    private static void run(List<String> command, Path log, String failure) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(failure + ": no result after " + INSTALL_TIMEOUT_MINUTES
                        + " minutes; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failure + ": interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(failure + " (exit " + process.exitValue() + "):"
                    + System.lineSeparator() + tail(log, 20));
        }
    }

    /** The last lines of a log, for error messages that explain themselves. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()))
                    + System.lineSeparator() + "(full log: " + log + ")";
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    private Path venvPython() {
        return binDir().resolve(isWindows() ? "python.exe" : "python");
    }

    private Path binDir() {
        return venv().resolve(isWindows() ? "Scripts" : "bin");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "PythonEnvironment[" + venv() + "]";
    }
}
