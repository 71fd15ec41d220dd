package io.mocplatform.processor.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the n-th receive waits between half and all of
 * {@code min(cap, base * 2^(n-1))}, so retries of many jobs spread out but never come back almost at once. A
 * server's retry hint is a floor. SQS allows at most 12 hours of visibility.
 */
public record BackoffPolicy(Duration base, Duration cap, DoubleSupplier random) {

    static final Duration SQS_MAX_VISIBILITY = Duration.ofHours(12);

    public BackoffPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
    }

    /** How long the message should stay hidden after its {@code receiveCount}-th receive failed. */
    public Duration delay(int receiveCount, Optional<Duration> hint) {
        int exponent = Math.min(Math.max(receiveCount, 1) - 1, 20);
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << exponent);
        long half = ceiling / 2;
        long jittered = half + (long) (random.getAsDouble() * (ceiling - half));
        long millis = Math.max(jittered, hint.map(Duration::toMillis).orElse(0L));
        return Duration.ofMillis(Math.min(millis, SQS_MAX_VISIBILITY.toMillis()));
    }
}
