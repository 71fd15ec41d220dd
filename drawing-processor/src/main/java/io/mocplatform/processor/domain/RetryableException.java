package io.mocplatform.processor.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that another attempt may overcome (throttling, 5xx, a model rate limit). {@code reason} becomes the
 * job's error type while it waits; {@code retryAfter} is the server's own hint, which the backoff never undercuts.
 */
public class RetryableException extends RuntimeException {

    private final String reason;
    private final Duration retryAfter;

    public RetryableException(String reason, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public RetryableException(String reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public String reason() {
        return reason;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
