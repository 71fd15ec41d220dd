package io.mocplatform.jobstore;

import io.mocplatform.model.job.JobError;

import java.time.Instant;

/**
 * The job-api's writes to an existing job: its owner cancels or retries it, and a job whose message the queue did
 * not take is marked failed. Each write sets only {@code status}, {@code error} and {@code updated_at} and depends
 * only on the status and, for the owner's writes, the owner: the processor's lease and progress and the dlq-handler's alert claim are theirs and are left
 * as they are (the processor starts a new run's clock when it takes a {@code queued} job, the dlq-handler's claim
 * only counts for a job it marked dead).
 */
public interface JobIntake {

    /** {@code queued|processing → cancelled}, if the job is the owner's; the processor stops at its next write. */
    JobWrite cancel(String jobId, String owner, Instant now);

    /** {@code failed → queued} with the error removed, if the job is the owner's; stages done stay done. */
    JobWrite requeue(String jobId, String owner, Instant now);

    /** {@code queued → failed} with {@code error}, when the job's message could not be sent. */
    JobWrite markUnsent(String jobId, JobError error, Instant now);
}
