package com.example.shop.localcloud.backend;

import com.example.shop.localcloud.deploy.DeployQuirks;
import com.example.shop.localcloud.emulator.Emulator;
import com.example.shop.localcloud.emulator.MiniStackServer;
import com.example.shop.localcloud.emulator.MotoServer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The AWS emulators the local cloud runs on, chosen with {@code -Dlocal.backend=…} (tests and
 * {@code exec:java}) or {@code --backend …} (the run command). Each one owns its process and
 * virtualenv and its inspection endpoints (the {@link Emulator}), and its deploy quirks
 * ({@link DeployQuirks}); the deployer and the runtime are the same for all of them.
 * {@code docs/emulators.md} says what each gets right, {@code docs/decisions/0003-emulator-backend.md}
 * why {@link #DEFAULT} is the default.
 */
public enum Backend {

    /** moto 5.2 in server mode, from {@code .local-cloud/venv}: the widest coverage of AWS APIs. */
    MOTO(DeployQuirks.moto()),
    /** MiniStack 1.5, from {@code .local-cloud/venv-ministack}: far lighter and faster per call. */
    MINISTACK(DeployQuirks.miniStack()),
    /** LocalStack 4.14 in a container: only where Docker runs, started by the tests (Testcontainers). */
    LOCALSTACK(DeployQuirks.localStack());

    /** The system property that picks the backend. */
    public static final String PROPERTY = "local.backend";
    /** The backend used when none is chosen: see {@code docs/decisions/0003-emulator-backend.md}. */
    public static final Backend DEFAULT = MINISTACK;

    private final DeployQuirks quirks;

    Backend(DeployQuirks quirks) {
        this.quirks = quirks;
    }

    /** The backend {@value #PROPERTY} names, or {@link #DEFAULT}. */
    public static Backend chosen() {
        String name = System.getProperty(PROPERTY, "");
        return name.isBlank() ? DEFAULT : named(name);
    }

    /** The backend called {@code name} ({@code moto}, {@code ministack}, {@code localstack}). */
    public static Backend named(String name) {
        return Arrays.stream(values()).filter(backend -> backend.id().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No emulator backend " + name + "; choose "
                        + Arrays.stream(values()).map(Backend::id).collect(Collectors.joining(", "))));
    }

    /** The backend a running emulator belongs to, by its name. */
    public static Backend of(Emulator emulator) {
        return named(emulator.name().split(" ")[0]);
    }

    /** Its name as {@value #PROPERTY} and {@code --backend} take it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the deployer does differently on it. */
    public DeployQuirks quirks() {
        return quirks;
    }

    /**
     * Whether its SQS runs {@code StartMessageMoveTask}, the runbook's DLQ redrive: moto 5.2 answers
     * it with HTTP 500 and MiniStack 1.5 refuses the action, so on them the local cloud moves the
     * messages itself ({@code ops.DeadLetters}); LocalStack implements it.
     */
    public boolean runsMessageMoveTasks() {
        return this == LOCALSTACK;
    }

    /**
     * Whether the local cloud evaluates the template's queue-depth alarms on it
     * ({@code ops.QueueAlarms}): on MiniStack, whose CloudWatch holds the alarms and notifies their
     * actions on {@code SetAlarmState} but never sees SQS's metrics. Not on moto, whose CloudWatch
     * the SDK's CBOR protocol does not reach (ENVIRONMENT.md), nor on LocalStack (untried).
     */
    public boolean playsQueueAlarms() {
        return this == MINISTACK;
    }

    /**
     * Starts a fresh emulator of this kind, creating its virtualenv on first use. LocalStack is
     * not started here: it needs Docker, and the tests start it with Testcontainers.
     */
    public Emulator start() {
        return switch (this) {
            case MOTO -> MotoServer.start();
            case MINISTACK -> MiniStackServer.start();
            case LOCALSTACK -> throw new UnsupportedOperationException("LocalStack runs in a container: the"
                    + " end-to-end tests start it where Docker runs (mvn verify -Dlocal.backend=localstack)");
        };
    }
}
