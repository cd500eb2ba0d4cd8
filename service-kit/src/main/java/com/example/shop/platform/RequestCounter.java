package com.example.shop.platform;

import java.util.Objects;

import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Counts every API call of the client it is registered on into {@link RequestCounts}, under the
 * name of the caller that built the client, and records what IAM is asked to allow for it
 * ({@link RequestCounts.Access}, through {@link IamRequests}). {@link AwsClients} registers one on
 * every client.
 *
 * <p>It counts calls, not HTTP attempts: it runs once per call before the request is sent, so the
 * SDK's own retries of a throttled or failed attempt do not add to the count (they depend on
 * timing; a budget of calls does not). A call that fails, e.g. a conditional write whose
 * condition does not hold, is counted: AWS charges for it too.
 *
 * <p>A call made for a function by the platform (an event source mapping polling the function's
 * queue, which AWS does with the function's execution role) names that function in
 * {@link #ON_BEHALF_OF}; its accesses are recorded under the function's role, its count stays
 * the caller's.
 *
 * @param caller  who makes the calls, e.g. the function's name
 * @param account the account the ARNs name ({@code AWS_ACCOUNT_ID}), empty where unknown
 * @param counts  where they are counted
 */
public record RequestCounter(String caller, String account, RequestCounts counts) implements ExecutionInterceptor {

    /** Set on a request made with another function's role: that function's name. */
    public static final ExecutionAttribute<String> ON_BEHALF_OF = new ExecutionAttribute<>("ShopOnBehalfOf");
    /** Set on a request that does not name its resource (a stream read by iterator): the resource ARN. */
    public static final ExecutionAttribute<String> RESOURCE = new ExecutionAttribute<>("ShopResource");

    public RequestCounter {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(counts, "counts");
    }

    /** A counter whose ARNs name no account. */
    public RequestCounter(String caller, RequestCounts counts) {
        this(caller, "", counts);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.add(new RequestCounts.Call(caller, service, operation));
        String role = attributes.getOptionalAttribute(ON_BEHALF_OF).orElse(caller);
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        if (context.request() instanceof SdkPojo request) {
            IamRequests.of(role, service, operation, request, region == null ? "" : region.id(), account,
                    attributes.getAttribute(RESOURCE)).forEach(counts::add);
        }
    }
}
