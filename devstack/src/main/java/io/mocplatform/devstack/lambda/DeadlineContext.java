package io.mocplatform.devstack.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Lambda {@link Context} of one local invocation. Its class lives in the devstack; functions see it through
 * the shared runtime interface. {@link #getRemainingTimeInMillis()} counts down to a real deadline, so a function
 * that saves its progress when time runs short does so here too.
 */
final class DeadlineContext implements Context {

    private final FunctionSettings function;
    private final String requestId;
    private final Instant deadline;
    private final Clock clock;

    DeadlineContext(FunctionSettings function, String requestId, Clock clock) {
        this.function = function;
        this.requestId = requestId;
        this.clock = clock;
        this.deadline = clock.instant().plus(function.timeout());
    }

    Instant deadline() {
        return deadline;
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + function.lambdaName(); }
    @Override public String getLogStreamName() { return "devstack/[$LATEST]" + function.name(); }
    @Override public String getFunctionName() { return function.lambdaName(); }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return function.arn(); }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getMemoryLimitInMB() { return function.memoryMb(); }

    @Override
    public int getRemainingTimeInMillis() {
        long left = Duration.between(clock.instant(), deadline).toMillis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public LambdaLogger getLogger() {
        PrintStream out = System.out;
        return new LambdaLogger() {
            @Override public void log(String message) { out.print(message); }
            @Override public void log(byte[] message) { out.print(new String(message, StandardCharsets.UTF_8)); }
            @Override public void log(String message, LogLevel level) { log(message); }
        };
    }
}
