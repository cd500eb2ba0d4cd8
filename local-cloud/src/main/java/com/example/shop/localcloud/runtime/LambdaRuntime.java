package com.example.shop.localcloud.runtime;

import com.example.shop.localcloud.faults.FaultInjection;
import com.example.shop.localcloud.model.FunctionDef;
import com.example.shop.localcloud.model.LocalSystem;
import com.example.shop.localcloud.model.SqsSource;
import com.example.shop.localcloud.model.StreamSource;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.RequestCounts;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local Lambda service: hosts every function of a deployed {@link LocalSystem} and runs its
 * event source mappings until closed.
 *
 * <p>Each SQS mapping gets as many pollers as its {@code MaximumConcurrency} allows (capped at
 * {@value #MAX_POLLERS_PER_QUEUE} locally, {@value #DEFAULT_POLLERS_PER_QUEUE} when unset); each
 * stream mapping gets one poller, which keeps the shard's order.
 */
public final class LambdaRuntime implements AutoCloseable {

    static final int MAX_POLLERS_PER_QUEUE = 4;
    static final int DEFAULT_POLLERS_PER_QUEUE = 2;
    /** The caller name of {@link #isSettled()}'s queue-depth reads: neither a function's nor the platform's. */
    public static final String SETTLING = "local-runtime-settling";
    private static final Duration SETTLE_CHECK = Duration.ofMillis(100);

    /**
     * How the runtime behaves where it may differ from AWS.
     *
     * @param retryDelaySeconds how soon a failed SQS message is visible again (AWS: the queue's
     *                          visibility timeout)
     * @param duplicateDelivery deliver every SQS batch and stream batch twice, to prove that
     *                          consumers are idempotent (at-least-once delivery, made certain)
     * @param clock             the clock behind {@code Context.getRemainingTimeInMillis()}
     * @param listener          told about every invocation
     * @param pollersPerQueue   pollers per SQS mapping; 0: as its {@code MaximumConcurrency} allows.
     *                          1 hands a queue's messages to its function one batch at a time, so
     *                          no two invocations of a function race (counting requests needs that)
     * @param faults            the fault-injection switch every invocation consults (off by default)
     */
    public record Options(int retryDelaySeconds, boolean duplicateDelivery, Clock clock, InvocationListener listener,
                          int pollersPerQueue, FaultInjection faults) {
        public static Options defaults() {
            return new Options(1, false, Clock.systemUTC(), InvocationListener.NONE, 0, FaultInjection.off());
        }

        public Options withListener(InvocationListener l) {
            return new Options(retryDelaySeconds, duplicateDelivery, clock, l, pollersPerQueue, faults);
        }

        public Options withDuplicateDelivery(boolean duplicate) {
            return new Options(retryDelaySeconds, duplicate, clock, listener, pollersPerQueue, faults);
        }

        public Options withPollersPerQueue(int pollers) {
            return new Options(retryDelaySeconds, duplicateDelivery, clock, listener, pollers, faults);
        }

        /** The same options with {@code switchboard} deciding which invocations fail. */
        public Options withFaults(FaultInjection switchboard) {
            return new Options(retryDelaySeconds, duplicateDelivery, clock, listener, pollersPerQueue, switchboard);
        }
    }

    private final LocalSystem system;
    private final Map<String, String> platformEnv;
    private final Options options;
    private final SqsClient sqs;
    private final DynamoDbStreamsClient streams;
    private final Map<String, FunctionHost> hosts = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(false);
    private final List<Thread> pollers = new ArrayList<>();
    private final List<StreamPoller> streamPollers = new ArrayList<>();
    private final Activity activity = new Activity();
    /** Reads the mapped queues' depths for {@link #isSettled()}: not the platform's calls, so counted under a name of its own. */
    private final SqsClient depths;
    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    public LambdaRuntime(LocalSystem system, URI endpoint, Options options) {
        this.system = system;
        this.options = options.withListener(
                PlatformRequests.countingInvocations(RequestCounts.shared(), options.listener()));
        this.platformEnv = Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_EXECUTION_ENV", "AWS_Lambda_java25_local",
                // not a Lambda variable: the account the recorded calls' ARNs name (RequestCounter)
                "AWS_ACCOUNT_ID", com.example.shop.localcloud.emulator.AwsClients.ACCOUNT_ID);
        AwsClients clients = new AwsClients(platformEnv, PlatformRequests.EVENT_SOURCE_MAPPINGS);
        this.sqs = clients.build(SqsClient.builder());
        this.streams = clients.build(DynamoDbStreamsClient.builder());
        this.depths = new AwsClients(platformEnv, SETTLING).build(SqsClient.builder());
    }

    /** Starts polling every SQS queue and stream the template maps to a function. */
    public LambdaRuntime start() {
        if (!running.compareAndSet(false, true)) {
            return this;
        }
        for (SqsSource source : system.sqsSources()) {
            int workers = options.pollersPerQueue() > 0 ? options.pollersPerQueue() : source.maximumConcurrency() > 0
                    ? Math.min(source.maximumConcurrency(), MAX_POLLERS_PER_QUEUE) : DEFAULT_POLLERS_PER_QUEUE;
            for (int i = 0; i < workers; i++) {
                SqsPoller poller = new SqsPoller(source, host(source.functionLogicalId()), sqs,
                        options.retryDelaySeconds(), options.duplicateDelivery(), this::stateOf, options.listener());
                pollers.add(Thread.ofVirtual().name("sqs-" + source.functionLogicalId() + "-" + i).start(poller));
            }
        }
        for (StreamSource source : system.streamSources()) {
            StreamPoller poller = new StreamPoller(source, host(source.functionLogicalId()), streams, sqs,
                    options.duplicateDelivery(), this::stateOf);
            streamPollers.add(poller);
            pollers.add(Thread.ofVirtual().name("stream-" + source.functionLogicalId()).start(poller));
        }
        return this;
    }

    /**
     * Stops delivering to a function's event sources until {@link #resume}; messages wait in their
     * queue or stream, as when an event source mapping is disabled on AWS.
     */
    public void pause(String functionLogicalId) {
        host(functionLogicalId);
        paused.add(functionLogicalId);
    }

    /** Delivers to the function's event sources again. */
    public void resume(String functionLogicalId) {
        paused.remove(functionLogicalId);
    }

    /**
     * Whether the system has come to rest: no invocation is running, every mapped queue is empty
     * (no message waiting, being handled or waiting out a retry), and every mapped stream's
     * poller has read it to the end since the last invocation ended. Nothing more will happen
     * until someone calls the API, writes to a source or resumes a function: a paused function's
     * sources are left out, as their records wait on purpose.
     *
     * <p>Exact, not a quiet period: every message or record a function causes exists before its
     * invocation ends, and the emulators deliver EventBridge and SNS targets within the publish.
     */
    public boolean isSettled() {
        return stillGoing(true).isEmpty();
    }

    /** Why the system is not settled ({@link #isSettled()}): everything found still going on. */
    public Optional<String> unsettled() {
        List<String> going = stillGoing(false);
        return going.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", going));
    }

    /**
     * What is still going on, streams before queues (a stream costs no call to look at);
     * {@code firstOnly} stops at the first sign of work, so that waiting reads as few queues as it can.
     */
    private List<String> stillGoing(boolean firstOnly) {
        if (!running.get()) {
            return List.of("the runtime is stopped");
        }
        if (activity.running() > 0) {
            return List.of(activity.running() + " invocation(s) running");
        }
        long since = activity.lastEnded();
        List<String> going = new ArrayList<>();
        for (StreamPoller poller : streamPollers) {
            if (!paused.contains(poller.function.name()) && !poller.foundNothingSince(since)) {
                going.add("the stream of " + poller.function.name() + " not read to its end since the last invocation");
                if (firstOnly) {
                    return going;
                }
            }
        }
        for (SqsSource source : system.sqsSources()) {
            int messages = paused.contains(source.functionLogicalId()) ? 0 : messagesIn(source.queueUrl());
            if (messages > 0) {
                going.add(messages + " message(s) in the queue of " + source.functionLogicalId());
                if (firstOnly) {
                    return going;
                }
            }
        }
        if (activity.running() > 0 || activity.lastEnded() != since) {
            going.add("an invocation ran meanwhile");
        }
        return going;
    }

    /**
     * Waits until {@link #isSettled()}, checking every 100 ms; returns how long that took.
     *
     * @throws IllegalStateException when the system is still busy after {@code atMost}
     */
    public Duration awaitSettled(Duration atMost) {
        long start = System.nanoTime();
        while (!isSettled()) {
            if (System.nanoTime() - start > atMost.toNanos()) {
                throw new IllegalStateException("The local cloud did not settle within " + atMost.toSeconds() + " s: "
                        + unsettled().orElse("it just did"));
            }
            EventSourcePoller.pause(SETTLE_CHECK);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted waiting for the local cloud to settle");
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Messages in a queue that a function will still see: waiting, in flight or delayed. */
    private int messagesIn(String queueUrl) {
        Map<String, String> attributes = depths.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                "ApproximateNumberOfMessagesDelayed")).attributesAsStrings();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    /** Whether pollers keep running at all (false once closed). */
    boolean isRunning() {
        return running.get();
    }

    /** What the pollers of a function should do: stop once closed, hold still while paused. */
    private EventSourcePoller.State stateOf(String functionLogicalId) {
        if (!running.get()) {
            return EventSourcePoller.State.STOPPED;
        }
        return paused.contains(functionLogicalId) ? EventSourcePoller.State.PAUSED : EventSourcePoller.State.POLLING;
    }

    /** Invokes a function directly (as the HTTP API or {@code aws lambda invoke} would). */
    public Object invoke(String functionLogicalId, String trigger, Object event) {
        return host(functionLogicalId).invoke(trigger, event, null);
    }

    /** The host of one function, created (not yet initialised) on first use. */
    public FunctionHost host(String functionLogicalId) {
        return hosts.computeIfAbsent(functionLogicalId, id -> {
            FunctionDef function = system.functions().get(id);
            if (function == null) {
                throw new IllegalArgumentException("No function " + id + " in the template; known: "
                        + system.functions().keySet());
            }
            return new FunctionHost(function, platformEnv, options.clock(), options.listener(), options.faults(), activity);
        });
    }

    public LocalSystem system() {
        return system;
    }

    /** The fault-injection switch the invocations consult. */
    public FaultInjection faults() {
        return options.faults();
    }

    /** Stops the pollers, letting each finish the batch in hand. */
    @Override
    public void close() {
        running.set(false);
        for (Thread poller : pollers) {
            try {
                poller.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pollers.clear();
        depths.close();
        sqs.close();
        streams.close();
    }
}
