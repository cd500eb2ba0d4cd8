package com.example.shop.platform;

import java.util.Objects;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every API call of the client it is registered on into {@link RequestCounts}, under the
 * name of the caller that built the client. {@link AwsClients} registers one on every client.
 *
 * <p>It counts calls, not HTTP attempts: it runs once per call before the request is sent, so the
 * SDK's own retries of a throttled or failed attempt do not add to the count (they depend on
 * timing; a budget of calls does not). A call that fails, e.g. a conditional write whose
 * condition does not hold, is counted: AWS charges for it too.
 *
 * @param caller who makes the calls, e.g. the function's name
 * @param counts where they are counted
 */
public record RequestCounter(String caller, RequestCounts counts) implements ExecutionInterceptor {

    public RequestCounter {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(counts, "counts");
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        counts.add(new RequestCounts.Call(caller, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
    }
}
