package com.example.shop.localcloud;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.localcloud.auth.JwtAuthorizer;
import com.example.shop.localcloud.auth.LocalIdentityProvider;
import com.example.shop.localcloud.backend.Backend;
import com.example.shop.localcloud.backend.LogGroupTargetForwarder;
import com.example.shop.localcloud.console.ConsoleEndpoints;
import com.example.shop.localcloud.console.EventBodies;
import com.example.shop.localcloud.console.FunctionOutput;
import com.example.shop.localcloud.deploy.LocalDeployer;
import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.Emulator;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.example.shop.localcloud.faults.FaultEndpoints;
import com.example.shop.localcloud.faults.FaultInjection;
import com.example.shop.localcloud.http.LocalHttpApi;
import com.example.shop.localcloud.http.LocalResponse;
import com.example.shop.localcloud.journey.EventJournal;
import com.example.shop.localcloud.journey.JourneyRecorder;
import com.example.shop.localcloud.journey.Timeline;
import com.example.shop.localcloud.runtime.InvocationListener;
import com.example.shop.localcloud.model.JwtAuthorizerDef;
import com.example.shop.localcloud.model.LocalSystem;
import com.example.shop.localcloud.ops.DeadLetters;
import com.example.shop.localcloud.ops.QueueAlarms;
import com.example.shop.localcloud.ops.QueueEndpoints;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import com.example.shop.localcloud.runtime.LambdaRuntime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole system on one machine: the emulator, the template deployed to it, the Lambda runtime
 * polling its queues and streams, and the HTTP API on localhost. The run command and the
 * end-to-end tests both use it, so what the tests prove is what a developer runs. The emulator is
 * one of the {@link Backend}s; where it lacks a delivery the system relies on (EventBridge into a
 * log group, on MiniStack) the local cloud makes up for it here, visibly
 * ({@link LogGroupTargetForwarder}).
 *
 * <p>The HTTP API's JWT authorizers trust the local identity provider instead of the Cognito
 * user pool the template declares (the emulator's CloudFormation has no Cognito): tokens are
 * checked for signature, issuer, audience and expiry exactly as the authorizer would, against a
 * key pair made at start-up.
 */
public final class LocalCloud implements AutoCloseable {

    /** The issuer the local identity provider writes into its tokens. */
    public static final String LOCAL_ISSUER = "https://local-idp.shop.localhost";
    /** The audience (client id) of the local identity provider's tokens. */
    public static final String LOCAL_AUDIENCE = "shop-local-client";

    /** What to start. */
    public record Options(Path template, Map<String, String> parameters, int httpPort,
                          LambdaRuntime.Options runtime) {
        public Options {
            Objects.requireNonNull(template, "template");
            parameters = Map.copyOf(parameters);
        }

        /** The shop's own template, the API on a free port, default runtime options. */
        public static Options forTemplate(Path template) {
            return new Options(template, Map.of(), 0, LambdaRuntime.Options.defaults());
        }

        public Options onPort(int port) {
            return new Options(template, parameters, port, runtime);
        }

        public Options withRuntime(LambdaRuntime.Options options) {
            return new Options(template, parameters, httpPort, options);
        }
    }

    private final Options options;
    private final Emulator emulator;
    private final Backend backend;
    private final PythonEnvironment python;
    private final boolean ownsEmulator;
    private final LocalIdentityProvider identity;
    private final JourneyRecorder journeys = new JourneyRecorder();
    private final EventBodies eventBodies = new EventBodies(5_000);
    private FunctionOutput functionOutput;
    private LocalSystem system;
    private LambdaRuntime runtime;
    private LocalHttpApi api;
    private LogGroupTargetForwarder logForwarder;
    private SqsClient operatorSqs;
    private DeadLetters deadLetters;
    private CloudWatchClient operatorCloudWatch;
    private QueueAlarms queueAlarms;

    private LocalCloud(Options options, Emulator emulator, PythonEnvironment python, boolean ownsEmulator) {
        this.options = options;
        this.emulator = emulator;
        this.backend = Backend.of(emulator);
        this.python = python;
        this.ownsEmulator = ownsEmulator;
        this.identity = new LocalIdentityProvider(LOCAL_ISSUER, LOCAL_AUDIENCE, Clock.systemUTC());
    }

    /** Starts an emulator of the chosen backend ({@code -Dlocal.backend}), deploys and starts everything. */
    public static LocalCloud start(Options options) {
        return start(options, Backend.chosen());
    }

    /** Starts an emulator of {@code backend} of its own, deploys and starts everything. */
    public static LocalCloud start(Options options, Backend backend) {
        PythonEnvironment python = PythonEnvironment.locate().ensureReady();
        return start(options, backend.start(), python, true);
    }

    /**
     * Deploys onto a running (empty) emulator of any backend and starts the runtime and API; the SAM
     * translator runs from {@code python}, the project's main virtualenv.
     */
    public static LocalCloud startOn(Emulator emulator, PythonEnvironment python, Options options) {
        return start(options, emulator, python, false);
    }

    private static LocalCloud start(Options options, Emulator emulator, PythonEnvironment python, boolean owns) {
        LocalCloud cloud = new LocalCloud(options, emulator, python, owns);
        try {
            cloud.deployAndRun();
            return cloud;
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    private void deployAndRun() {
        system = new LocalDeployer(emulator, python, backend.quirks()).deploy(options.template(), options.parameters());
        if (!backend.quirks().deliversLogGroupTargets()) {
            logForwarder = LogGroupTargetForwarder.start(clients());
        }
        // the console's log lines and metrics: what the functions write to standard output
        functionOutput = FunctionOutput.install();
        InvocationListener theirs = options.runtime().listener();
        InvocationListener both = new InvocationListener() {
            @Override
            public void invoked(Invocation invocation) {
                journeys.invoked(invocation);
                eventBodies.invoked(invocation);
                theirs.invoked(invocation);
            }

            @Override
            public void deadLettered(String queue, String deadLetterQueue, String body, java.time.Instant at) {
                journeys.deadLettered(queue, deadLetterQueue, body, at);
                eventBodies.deadLettered(queue, deadLetterQueue, body, at);
                theirs.deadLettered(queue, deadLetterQueue, body, at);
            }
        };
        runtime = new LambdaRuntime(system, emulator.endpoint(), options.runtime().withListener(both)).start();
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        system.authorizers().forEach((name, definition) -> authorizers.put(name, JwtAuthorizer.forDefinition(
                new JwtAuthorizerDef(name, definition.identitySource(), LOCAL_ISSUER, List.of(LOCAL_AUDIENCE)),
                identity.jwks(), Clock.systemUTC())));
        api = new LocalHttpApi(options.httpPort(), system.httpRoutes(), authorizers, identity,
                (function, event) -> (APIGatewayV2HTTPResponse) runtime.invoke(function,
                        "http:" + event.getRouteKey(), event), Clock.systemUTC());
        new FaultEndpoints(runtime.faults(), system.functions().keySet()).register(api);
        operatorSqs = clients().build(SqsClient.builder());
        deadLetters = new DeadLetters(operatorSqs, system.resources(), backend.runsMessageMoveTasks());
        new QueueEndpoints(deadLetters).register(api);
        if (backend.playsQueueAlarms()) {
            operatorCloudWatch = clients().build(CloudWatchClient.builder());
            queueAlarms = QueueAlarms.start(operatorCloudWatch, operatorSqs);
        }
        api.registerLocalEndpoint("GET", "/_local/orders/{orderId}/timeline", request -> {
            Timeline timeline = timeline(request.pathParameters().get("orderId"));
            return switch (request.queryParameters().getOrDefault("format", "text")) {
                case "mermaid" -> new LocalResponse(200, "text/plain; charset=utf-8", timeline.mermaid());
                default -> new LocalResponse(200, "text/plain; charset=utf-8", timeline.text());
            };
        });
        new ConsoleEndpoints(this, functionOutput, eventBodies, Clock.systemUTC()).registerOn(api);
    }

    /**
     * One order's journey: every request, delivery and dead-lettering the runtime recorded for its
     * correlation id, and every event the bus's journal holds for it, in causal order.
     */
    public Timeline timeline(String orderId) {
        String journalGroup = system.outputs().get("EventJournalLogGroup");
        if (logForwarder != null) {
            logForwarder.flush();
        }
        EventJournal journal = new EventJournal(emulator.endpoint(), journalGroup == null ? "none" : journalGroup);
        return Timeline.of(orderId, journeys, journal);
    }

    /** The event journal's lines that mention {@code term} (an order id), everything delivered so far. */
    public List<String> journalLines(String term) {
        if (logForwarder != null) {
            logForwarder.flush();
        }
        String journalGroup = system.outputs().get("EventJournalLogGroup");
        return new EventJournal(emulator.endpoint(), journalGroup == null ? "none" : journalGroup).lines(term);
    }

    /** Everything the runtime has recorded, for tests. */
    public JourneyRecorder journeys() {
        return journeys;
    }

    public LocalSystem system() {
        return system;
    }

    public LambdaRuntime runtime() {
        return runtime;
    }

    public LocalHttpApi api() {
        return api;
    }

    /** Where the console is, e.g. {@code http://127.0.0.1:3000/_local/console/}. */
    public URI consoleUri() {
        return api.baseUri().resolve(ConsoleEndpoints.CONSOLE_PATH);
    }

    /** Base URI of the HTTP API, e.g. {@code http://127.0.0.1:3000}. */
    public URI apiBase() {
        return api.baseUri();
    }

    /**
     * The fault-injection switch: which functions' invocations fail or are throttled, and how
     * often ({@code /_local/faults} on the API).
     */
    public FaultInjection faults() {
        return runtime.faults();
    }

    /** The stack's queues and the runbook's DLQ redrive ({@code /_local/queues} on the API). */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /**
     * The template's queue-depth alarms, evaluated by the local cloud ({@link QueueAlarms}), or empty
     * on a backend where it does not play them.
     */
    public java.util.Optional<QueueAlarms> queueAlarms() {
        return java.util.Optional.ofNullable(queueAlarms);
    }

    public LocalIdentityProvider identity() {
        return identity;
    }

    public Emulator emulator() {
        return emulator;
    }

    /** Which emulator backend this is. */
    public Backend backend() {
        return backend;
    }

    /** SDK clients pointed at the emulator, for tests and tooling. */
    public AwsClients clients() {
        return new AwsClients(emulator.endpoint());
    }

    /** Stops the API and the runtime (finishing batches in hand), then the emulator if it owns it. */
    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (logForwarder != null) {
            logForwarder.close();
        }
        if (queueAlarms != null) {
            queueAlarms.close();
            operatorCloudWatch.close();
        }
        if (operatorSqs != null) {
            operatorSqs.close();
        }
        if (functionOutput != null) {
            functionOutput.uninstall();
        }
        if (ownsEmulator) {
            emulator.close();
        }
    }

}
