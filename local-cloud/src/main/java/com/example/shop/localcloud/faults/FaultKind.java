package com.example.shop.localcloud.faults;

/** A way an invocation can go wrong that the local runtime can be told to inject. */
public enum FaultKind {

    /**
     * The handler throws: half of the injected failures happen before the handler runs (nothing
     * done), half after it returned (everything done, the result lost, as when an environment dies
     * just before answering), so that both a clean retry and a repeat of finished work are tried.
     */
    THROW,

    /**
     * The invocation runs past the function's timeout and Lambda ends it: it fails after a
     * scaled-down stand-in of the configured {@code Timeout} ({@link FaultInjection#timeoutStandIn}),
     * its result is lost and its execution environment is thrown away, so the next invocation
     * starts cold. Like {@link #THROW}, half of them hang before the handler did anything, half
     * after it finished its work.
     */
    TIMEOUT,

    /**
     * One attempt of an AWS call the function makes is refused as throttled
     * ({@code ThrottlingException}, HTTP 400), before the request leaves the JVM; the SDK's retry
     * strategy sees a throttling error and backs off and retries as it would on AWS.
     */
    THROTTLE
}
