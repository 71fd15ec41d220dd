package io.mocplatform.function.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A Lambda {@link Context} with a real deadline, for running functions outside Lambda (the devstack and tests):
 * {@link #getRemainingTimeInMillis()} counts down from the configured timeout like the real one.
 */
public final class LocalLambdaContext implements Context {

    private final String functionName;
    private final String requestId;
    private final int memoryMb;
    private final Instant deadline;
    private final Clock clock;

    public LocalLambdaContext(String functionName, Duration timeout, int memoryMb, Clock clock) {
        this.functionName = functionName;
        this.requestId = UUID.randomUUID().toString();
        this.memoryMb = memoryMb;
        this.clock = clock;
        this.deadline = clock.instant().plus(timeout);
    }

    /** A context for the named function with the given timeout, 512 MB and the system clock. */
    public static LocalLambdaContext of(String functionName, Duration timeout) {
        return new LocalLambdaContext(functionName, timeout, 512, Clock.systemUTC());
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
    @Override public String getLogStreamName() { return "local"; }
    @Override public String getFunctionName() { return functionName; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-2:000000000000:function:" + functionName;
    }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getMemoryLimitInMB() { return memoryMb; }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override public void log(String message) { System.out.print(message); }
            @Override public void log(byte[] message) { System.out.print(new String(message, StandardCharsets.UTF_8)); }
            @Override public void log(String message, LogLevel level) { log(message); }
        };
    }
}
