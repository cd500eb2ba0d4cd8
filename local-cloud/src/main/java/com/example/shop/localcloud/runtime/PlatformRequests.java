package com.example.shop.localcloud.runtime;

import com.example.shop.platform.RequestCounts;

import java.time.Instant;

/**
 * The requests that AWS's own services make for the functions, counted apart from the functions'
 * calls: on AWS, Lambda's event source mappings poll the queues and streams and invoke the
 * functions, and API Gateway takes each HTTP request and invokes its function. Locally the runtime
 * plays both, so it counts what they would do into the same {@link RequestCounts} as the
 * functions, under a caller of its own:
 * <ul>
 *   <li>{@value #EVENT_SOURCE_MAPPINGS}: the pollers' SQS and DynamoDB Streams calls (receive,
 *       delete, visibility changes, shard iterators, records) and one {@code Lambda:Invoke} per
 *       batch delivered;</li>
 *   <li>{@value #HTTP_API}: one {@code ApiGatewayV2:HttpRequest} and one {@code Lambda:Invoke}
 *       per request that reached a function.</li>
 * </ul>
 * How often a poller calls depends on timing (an empty long poll, a batch of one or of two), so
 * these counts are reported beside a budget, never held to one.
 */
public final class PlatformRequests {

    /** The caller name of the local event source mappings (the SQS and stream pollers). */
    public static final String EVENT_SOURCE_MAPPINGS = "lambda-event-source-mappings";
    /** The caller name of the local HTTP API. */
    public static final String HTTP_API = "http-api";

    private PlatformRequests() {
    }

    /** Whether {@code caller} is the platform (a poller or the HTTP API) rather than a function. */
    public static boolean isPlatform(String caller) {
        return EVENT_SOURCE_MAPPINGS.equals(caller) || HTTP_API.equals(caller);
    }

    /** Counts each invocation as the request that made it, then tells {@code next}. */
    static InvocationListener countingInvocations(RequestCounts counts, InvocationListener next) {
        return new InvocationListener() {
            @Override
            public void invoked(Invocation invocation) {
                if (invocation.trigger().startsWith("http:")) {
                    counts.add(new RequestCounts.Call(HTTP_API, "ApiGatewayV2", "HttpRequest"));
                    counts.add(new RequestCounts.Call(HTTP_API, "Lambda", "Invoke"));
                } else {
                    counts.add(new RequestCounts.Call(EVENT_SOURCE_MAPPINGS, "Lambda", "Invoke"));
                }
                next.invoked(invocation);
            }

            @Override
            public void deadLettered(String queue, String deadLetterQueue, String body, Instant at) {
                next.deadLettered(queue, deadLetterQueue, body, at);
            }
        };
    }
}
