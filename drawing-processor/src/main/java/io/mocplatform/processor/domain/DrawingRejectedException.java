package io.mocplatform.processor.domain;

/**
 * The job cannot succeed by trying again (the drawing is unusable, or the model refuses the request): it fails at
 * once with {@link #type()} and the message is not retried.
 */
public class DrawingRejectedException extends RuntimeException {

    private final FailureType type;

    public DrawingRejectedException(FailureType type, String message) {
        super(message);
        this.type = type;
    }

    public DrawingRejectedException(FailureType type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public FailureType type() {
        return type;
    }
}
