package io.mocplatform.processor.domain;

/** Whether the invocation is close enough to its end that work must be saved and handed on. */
@FunctionalInterface
public interface Deadline {

    boolean isNear();

    /** A deadline that never comes (local tools, benchmarks). */
    static Deadline none() {
        return () -> false;
    }
}
