package io.mocplatform.processor.domain;

import java.time.Duration;

/** How much of the invocation is left for work before progress must be saved and the rest handed on. */
@FunctionalInterface
public interface Deadline {

    /** A budget that outlasts any drawing (local tools, benchmarks). */
    Duration UNLIMITED = Duration.ofDays(1);

    /** Time left for work: the invocation's remaining time less the safety margin (negative when near). */
    Duration remaining();

    default boolean isNear() {
        return remaining().isNegative();
    }

    /** A deadline that never comes (local tools, benchmarks). */
    static Deadline none() {
        return () -> UNLIMITED;
    }
}
