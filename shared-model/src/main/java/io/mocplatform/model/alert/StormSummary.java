package io.mocplatform.model.alert;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The counts behind a {@link AlertKind#DEAD_LETTER_STORM} alert: how many dead messages arrived in the window so
 * far, by error type. Later dead messages in the same window are counted and logged but send no alert.
 *
 * @param windowStart       start of the counting window (inclusive)
 * @param windowEnd         end of the counting window (exclusive)
 * @param threshold         dead messages per window above which single alerts stop
 * @param deadMessages      dead messages counted in the window when the alert was raised
 * @param countsByErrorType the same count split by error type, sorted by type
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StormSummary(Instant windowStart, Instant windowEnd, int threshold, long deadMessages,
                           Map<String, Long> countsByErrorType) {

    public StormSummary {
        Objects.requireNonNull(windowStart, "window start");
        Objects.requireNonNull(windowEnd, "window end");
        countsByErrorType = countsByErrorType == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(countsByErrorType));
    }
}
