package com.example.shop.localcloud.emulator;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the JVM's shared moto server, wiped clean before the class runs.
 *
 * <p>Starting moto takes about a second, so every test class of a run shares one server: it lives
 * in the root extension context's store and is closed when the run ends. Each class starts from an
 * empty emulator; tests inside a class share its state, as a deployed system would.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MotoExtension moto = new MotoExtension();
 * ... moto.server().endpoint() ... moto.clients().build(SqsClient.builder()) ...
 * }</pre>
 * or {@code @ExtendWith(MotoExtension.class)} with a {@link MotoServer} or {@link AwsClients}
 * parameter.
 */
public final class MotoExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

    private volatile MotoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = shared(context);
        server.reset();
    }

    /** The shared server; valid from {@code @BeforeAll} on. */
    public MotoServer server() {
        if (server == null) {
            throw new IllegalStateException("moto is started in beforeAll: register the extension on a static field");
        }
        return server;
    }

    /** SDK clients for the shared server. */
    public AwsClients clients() {
        return new AwsClients(server().endpoint());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MotoServer.class || type == AwsClients.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MotoServer shared = shared(context);
        return parameter.getParameter().getType() == MotoServer.class ? shared : new AwsClients(shared.endpoint());
    }

    private static MotoServer shared(ExtensionContext context) {
        // the root store closes the server (an AutoCloseable) when the whole run ends
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(MotoServer.class, key -> MotoServer.start(), MotoServer.class);
    }
}
