package io.mocplatform.function.aws;

/**
 * An SSM parameter could not be read: SSM unreachable, the parameter missing, or access denied. Usually a
 * deployment fault rather than the caller's; the message names the parameter and SSM's answer, never the value.
 */
public class ParameterUnavailableException extends RuntimeException {

    public ParameterUnavailableException(String message) {
        super(message);
    }

    public ParameterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
