package io.mocplatform.dlq.domain;

/** The alert could not be handed to the alerting service (throttled, unavailable, refused). */
public class AlertPublishException extends RuntimeException {

    public AlertPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
