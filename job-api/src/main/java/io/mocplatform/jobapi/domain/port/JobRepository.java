package io.mocplatform.jobapi.domain.port;

import io.mocplatform.jobstore.JobIntake;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Jobs table as job-api uses it: creating jobs with their idempotency claims, consistent reads, listing by
 * owner, and the job-api's own conditional writes ({@link JobIntake}: cancel, requeue, mark unsent), which touch
 * only the status and error, never the processor's lease or the dlq-handler's alert claim.
 */
public interface JobRepository extends JobIntake {

    /** The job as stored now (strongly consistent read), empty when there is no such row. */
    Optional<Job> find(String jobId);

    /** Stores a new job; fails if the id exists. Returns the job as stored (with its first version). */
    Job create(Job job);

    /**
     * Stores a new job and the claim of its idempotency key in one transaction, unless a live claim for the key
     * exists: then nothing is written and that claim is returned.
     *
     * @return empty when both were written, else the claim that won
     */
    Optional<IdempotencyRecord> createClaimed(Job job, IdempotencyRecord claim);

    /** The live or lapsed claim stored under the id, read strongly consistently. */
    Optional<IdempotencyRecord> findClaim(String id);

    /**
     * One page of the owner's jobs, newest first, optionally only those in one status.
     *
     * @param startKey where to continue (from {@link Page#nextKey()}), empty for the first page
     */
    Page listByOwner(String owner, JobStatus status, int limit, Map<String, String> startKey);

    /**
     * @param jobs    jobs read
     * @param nextKey where the next page starts, empty at the end
     */
    record Page(List<Job> jobs, Map<String, String> nextKey) {
    }
}
