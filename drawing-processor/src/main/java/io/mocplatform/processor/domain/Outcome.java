package io.mocplatform.processor.domain;

import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;

import java.time.Duration;
import java.util.Locale;

/** How one delivery of a job ended, and so what happens to its message. */
public sealed interface Outcome {

    /** Name used in logs and as the {@code outcome} dimension of the {@code JobOutcome} metric. */
    default String label() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Whether the message is finished with (deleted) rather than returned to the queue. */
    default boolean acknowledges() {
        return !(this instanceof RetryLater || this instanceof Invalid);
    }

    /** Every stage done; the schedule is published. */
    record Completed(JobResult result) implements Outcome {
    }

    /** The drawing is unusable; the job is failed with a typed error. */
    record Failed(JobError error) implements Outcome {
    }

    /** The job was cancelled; work stopped at a stage boundary. */
    record Cancelled() implements Outcome {
    }

    /** Nothing to do for this delivery (job finished, or another delivery holds it). */
    record Skipped(String reason) implements Outcome {
    }

    /** Time ran short: progress is saved and a continuation resumes at {@code resumeFrom}. */
    record HandedOn(JobStage resumeFrom) implements Outcome {
    }

    /** A retryable failure: the message comes back after {@code delay}. */
    record RetryLater(JobError error, Duration delay) implements Outcome {
    }

    /** The message does not describe a job this processor can work on; it is left to reach the DLQ. */
    record Invalid(String reason) implements Outcome {
    }
}
