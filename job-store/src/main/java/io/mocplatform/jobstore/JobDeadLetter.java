package io.mocplatform.jobstore;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;

import java.time.Instant;
import java.util.Optional;

/**
 * The dlq-handler's reads and writes of a job whose message died: the dead mark ({@code failed} with the
 * {@code dead_lettered} error) and the alert claim ({@code alerted_at}, confirmed by {@code alert_sent_at}). A claim
 * only counts while the job carries the dead mark: a job its owner retried is a new run, whatever claim it still
 * carries from an earlier death.
 */
public interface JobDeadLetter {

    /** The job as stored now (strongly consistent read), empty when there is no such row. */
    Optional<Job> find(String jobId);

    /**
     * Marks the job {@code failed} with {@code deadLettered} and claims its alert ({@code alerted_at = now}, no
     * confirmation), if the job has not finished ({@code completed}, {@code cancelled}), no delivery holds a live
     * lease on it, and its alert is not claimed for this death already: not marked yet, marked without a claim, or
     * claimed before {@code staleBefore} and never confirmed (the claimant died). The lapsed lease is removed with
     * the mark: a dead job is worked on by no delivery.
     */
    JobWrite markDeadAndClaimAlert(String jobId, JobError deadLettered, Instant now, Instant staleBefore);

    /** Records that the alert went out, if the job is still marked and the claim is the one made at claimedAt. */
    JobWrite confirmAlert(String jobId, Instant claimedAt, Instant sentAt);

    /**
     * Gives the claim back (its alert could not be sent), if the job is still marked and the claim is the one made
     * at {@code claimedAt}, putting back {@code originalError} when given so the next attempt knows the cause; the
     * job stays {@code failed}.
     */
    JobWrite releaseAlert(String jobId, Instant claimedAt, JobError originalError);
}
