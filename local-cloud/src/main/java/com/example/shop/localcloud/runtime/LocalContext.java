package com.example.shop.localcloud.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.example.shop.localcloud.model.FunctionDef;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The {@link Context} of one local invocation: the function's name, a fresh request id, and the
 * time left before the function's configured timeout.
 */
final class LocalContext implements Context {

    private final FunctionDef function;
    private final String requestId;
    private final Instant deadline;
    private final Clock clock;
    private final String traceId;
    private final LambdaLogger logger;

    LocalContext(FunctionDef function, String requestId, Clock clock, String traceId) {
        this.function = function;
        this.requestId = requestId;
        this.clock = clock;
        this.deadline = clock.instant().plusSeconds(function.timeoutSeconds());
        this.traceId = traceId;
        this.logger = new StdoutLogger();
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.logicalId();
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + function.logicalId();
    }

    @Override
    public String getFunctionName() {
        return function.logicalId();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:" + com.example.shop.localcloud.emulator.AwsClients.ACCOUNT_ID + ":function:" + function.logicalId();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long left = deadline.toEpochMilli() - clock.millis();
        return (int) Math.max(0, left);
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String getXrayTraceId() {
        return traceId;
    }

    /** Lambda's logger writes to the function's log stream; locally that is standard output. */
    private final class StdoutLogger implements LambdaLogger {
        @Override
        public void log(String message) {
            System.out.println("[" + function.logicalId() + " " + requestId + "] " + message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
