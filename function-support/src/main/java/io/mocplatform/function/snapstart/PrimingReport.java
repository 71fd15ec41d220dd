package io.mocplatform.function.snapstart;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the last checkpoint hook did: one entry per primer, in the order they ran, with how long each took and
 * the error it raised, if any.
 */
public record PrimingReport(List<Step> steps) {

    /** A report of a checkpoint that has not happened. */
    public static final PrimingReport NONE = new PrimingReport(List.of());

    public PrimingReport {
        steps = List.copyOf(steps);
    }

    /** How many primers failed. */
    public long failures() {
        return steps.stream().filter(step -> step.error().isPresent()).count();
    }

    /** The time all primers took together. */
    public Duration total() {
        return steps.stream().map(Step::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** One primer's run. */
    public record Step(String primer, Duration duration, Optional<Throwable> error) {
    }
}
