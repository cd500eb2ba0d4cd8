package com.example.shop.localcloud.faults;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Refuses an AWS call attempt as throttled when the {@link FaultInjection} switch says so: the
 * {@link FaultKind#THROTTLE} fault.
 *
 * <p>How it reaches the functions' clients: the SDK adds every interceptor named in a classpath
 * file {@code software/amazon/awssdk/global/handlers/execution.interceptors} to every client it
 * builds, so this one sits on each client that {@code platform.AwsClients} builds for a handler,
 * beside its {@code RequestCounter}, without a line changed in the services or in service-kit.
 * The file ships in the local cloud's jar only; a function's zip never holds it. It acts only on
 * calls made inside an invocation ({@link FaultInjection#during}): on AWS one execution
 * environment is one function, locally the invoking thread is.
 *
 * <p>It runs {@code beforeTransmission}, once per attempt, inside the SDK's retry loop and before
 * the request is sent, so a throttled write never happens. It throws the service's own exception
 * type ({@code DynamoDbException}, {@code EventBridgeException} …) with HTTP status 400 and error
 * code {@code ThrottlingException}, as the SDK would build from AWS's answer: the retry strategy
 * classifies it as throttling, backs off and tries again, and only a call throttled on every
 * attempt reaches the function's code.
 */
public final class ThrottleInjector implements ExecutionInterceptor {

    /** The error code AWS answers a throttled call with. */
    public static final String ERROR_CODE = "ThrottlingException";

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!FaultInjection.throttlesThisAttempt()) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String message = "Rate exceeded for " + service + ":" + operation + " [fault injected by the local cloud: THROTTLE]";
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(ERROR_CODE).errorMessage(message)
                .serviceName(service).sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build();
        throw builderFor(context, service).statusCode(400).awsErrorDetails(details).message(message).build();
    }

    /** The builder of the service's own exception ({@code <Service>Exception} in its model package), else the generic one. */
    private static AwsServiceException.Builder builderFor(Context.BeforeTransmission context, String service) {
        try {
            String modelPackage = context.request().getClass().getPackageName();
            Class<?> exception = Class.forName(modelPackage + "." + service + "Exception", false,
                    context.request().getClass().getClassLoader());
            return (AwsServiceException.Builder) exception.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException | ClassCastException notFound) {
            return AwsServiceException.builder();
        }
    }
}
