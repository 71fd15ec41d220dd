package io.mocplatform.model.queue;

/** A queue message that cannot be processed as it is: retrying will not help. */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
