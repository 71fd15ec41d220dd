package io.mocplatform.devstack.lambda;

import java.time.Duration;

/**
 * What one invocation produced.
 *
 * @param requestId the Lambda request id given to the function
 * @param status    how it ended
 * @param payload   the response JSON when {@link Status#OK}, else empty
 * @param error     the error type and message otherwise
 * @param duration  time spent in the function (including a cold start)
 */
public record InvocationResult(String requestId, Status status, byte[] payload, String error, Duration duration) {

    /** How an invocation ended, in the terms Lambda reports. */
    public enum Status {
        /** The handler returned. */
        OK,
        /** The handler threw: Lambda reports a function error. */
        FUNCTION_ERROR,
        /** The deadline passed: Lambda stops the invocation and throws the execution environment away. */
        TIMED_OUT,
        /** The function could not start (missing artifact, failing application context). */
        INIT_FAILED
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
