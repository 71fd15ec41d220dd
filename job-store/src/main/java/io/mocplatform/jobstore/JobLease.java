package io.mocplatform.jobstore;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobProgress;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The drawing processor's reads and writes of a job. One delivery (an SQS message id) takes the lease; every later
 * write of that delivery is conditioned on still holding it ({@code lease_owner} is the delivery and the job is
 * {@code processing}), so a cancel by the owner, a take-over by another delivery after the lease lapsed, or a
 * dead-letter mark refuses the write instead of being overwritten. Each write sets only the processor's attributes:
 * lease, {@code started_at}, {@code attempts}, stages, checkpoint, progress, result, and the status and error of
 * the outcome.
 */
public interface JobLease {

    /** The job as stored now (strongly consistent read), empty when there is no such row. */
    Optional<Job> find(String jobId);

    /**
     * Takes the lease for {@code deliveryId} until {@code expiresAt} and counts an attempt. From {@code queued} (a new
     * run, or one retried by its owner) the run's {@code started_at} is {@code now}; from {@code processing} (a
     * redelivery or continuation) it is kept, and the lease must be free, this delivery's, or lapsed.
     *
     * @param seen the status the caller read; the write is refused if the job is no longer in it
     */
    JobWrite take(String jobId, String deliveryId, JobStatus seen, JobStage stage, Instant now, Instant expiresAt);

    /** Records pages done (a checkpoint inside {@code pdf_processing}, or the page count once validated). */
    JobWrite recordProgress(String jobId, String deliveryId, JobProgress progress, Instant now);

    /** Records the stages completed so far and the stage worked on next. */
    JobWrite completeStage(String jobId, String deliveryId, List<JobStage> stagesCompleted, JobStage current,
                           Instant now);

    /** Gives the lease back with a checkpoint, so the continuation message can take the job at once. */
    JobWrite handOn(String jobId, String deliveryId, JobStage resumeFrom, Instant now);

    /** Gives the lease back with the retryable error that interrupted it; the message comes back after a backoff. */
    JobWrite releaseForRetry(String jobId, String deliveryId, JobError error, Instant now);

    /** {@code processing → completed} with the result and every stage done; the lease is given back. */
    JobWrite complete(String jobId, String deliveryId, JobResult result, Instant now);

    /** {@code processing → failed} with a permanent error; the lease is given back. */
    JobWrite fail(String jobId, String deliveryId, JobError error, Instant now);
}
