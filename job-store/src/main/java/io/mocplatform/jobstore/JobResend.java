package io.mocplatform.jobstore;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * The job-reconciler's reads and its one write: before it sends a forgotten job's message again it moves
 * {@code updated_at} on, conditioned on exactly what makes the job forgotten, so a job that moved in between
 * (the processor took it, its owner cancelled it) is left alone and nothing is sent.
 */
public interface JobResend {

    /** The job as stored now (strongly consistent read), empty when there is no such row. */
    Optional<Job> find(String jobId);

    /**
     * Sets {@code updated_at} to {@code now} if the job is still {@code status}, unchanged since before
     * {@code cutoff}, and holds no live lease at {@code now}.
     */
    JobWrite claimResend(String jobId, JobStatus status, Instant cutoff, Instant now);
}
