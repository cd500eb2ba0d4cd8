package com.example.shop.localcloud.emulator;

import com.example.shop.localcloud.backend.Backend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Gives a test class the emulator chosen by the {@code local.backend} property ({@link Backend}):
 * {@code moto} or {@code ministack} (one server per test JVM, its venv created on first use) or
 * {@code localstack} (one container per test JVM, skipped cleanly when no Docker engine runs).
 * The emulator is reset before each test class.
 *
 * <pre>{@code @RegisterExtension static final EmulatorExtension EMULATOR = new EmulatorExtension();}</pre>
 */
public final class EmulatorExtension implements BeforeAllCallback {

    /** The system property that picks the backend. */
    public static final String BACKEND_PROPERTY = Backend.PROPERTY;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorExtension.class);

    private volatile Emulator emulator;

    @Override
    public void beforeAll(ExtensionContext context) {
        var store = context.getRoot().getStore(NAMESPACE);
        emulator = switch (Backend.chosen()) {
            case MOTO -> store.computeIfAbsent(MotoServer.class, key -> MotoServer.start(), MotoServer.class);
            case MINISTACK -> store.computeIfAbsent(MiniStackServer.class, key -> MiniStackServer.start(),
                    MiniStackServer.class);
            case LOCALSTACK -> {
                Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                        "no Docker engine: the LocalStack backend is skipped");
                yield store.computeIfAbsent(LocalStackEmulator.class, key -> LocalStackEmulator.start(),
                        LocalStackEmulator.class);
            }
        };
        emulator.reset();
    }

    /** The emulator; valid from {@code @BeforeAll} on. */
    public Emulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator starts in beforeAll: register the extension on a static field");
        }
        return emulator;
    }

    /** Which backend the emulator is. */
    public Backend backend() {
        return Backend.chosen();
    }

    /** The project's Python environment, which the deployer's SAM translation runs in. */
    public PythonEnvironment python() {
        return PythonEnvironment.locate().ensureReady();
    }
}
