package io.mocplatform.reconciler.domain.port;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;

import java.time.Instant;
import java.util.List;

/** Finds candidates by status and age, from an index: what it returns may be a little behind the table. */
public interface StaleJobs {

    /**
     * Jobs in the status whose last change is before the cutoff, oldest first, at most {@code limit}.
     */
    List<Job> unchangedSince(JobStatus status, Instant cutoff, int limit);
}
