package io.mocplatform.jobapi.domain.port;

/** The queue did not take a message; nothing was sent. */
public class QueueUnavailableException extends RuntimeException {

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
