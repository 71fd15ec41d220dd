package io.mocplatform.jobapi.domain.port;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.job.JobStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Jobs table as job-api uses it: the shared {@link JobStore} (consistent reads, version-checked writes) plus
 * creating jobs with their idempotency claims and listing by owner. Every write is conditional, so concurrent
 * writers never overwrite each other silently.
 */
public interface JobRepository extends JobStore {

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
