package io.mocplatform.reconciler.domain.port;

/** The queue did not accept a message. */
public class QueueUnavailableException extends RuntimeException {

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
