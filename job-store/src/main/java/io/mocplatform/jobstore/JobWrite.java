package io.mocplatform.jobstore;

import io.mocplatform.model.job.Job;

import java.util.Optional;

/**
 * What one conditional write of a job's attributes came to: applied (with the row as it is now), or refused
 * because the row was not in the state the write depends on (with the row as it is now, if there still is one).
 * A refusal is an answer, not an error: the writer reads the state it was given and decides what that means.
 */
public sealed interface JobWrite {

    /** The row after the write, or, when refused, as a consistent read found it (empty when there is no row). */
    Optional<Job> current();

    /** Whether the write was applied. */
    default boolean applied() {
        return this instanceof Applied;
    }

    /** The write was applied; {@code job} is the whole row after it. */
    record Applied(Job job) implements JobWrite {
        @Override
        public Optional<Job> current() {
            return Optional.of(job);
        }
    }

    /** The condition did not hold; nothing was written. */
    record Refused(Optional<Job> current) implements JobWrite {
    }
}
