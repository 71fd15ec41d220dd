package io.mocplatform.model.job;

import java.util.Optional;

/**
 * The Jobs table as the SQS consumers use it: read a job, change it, write it back only if nobody wrote in
 * between. The {@code version} a job was read with is the condition of its next write; that is how the processor's
 * lease, a cancellation by job-api and the dlq-handler's "never overwrite a later success" all work.
 */
public interface JobStore {

    /** The job as stored now (strongly consistent read), empty when there is no such row. */
    Optional<Job> find(String jobId);

    /**
     * Writes the whole job (fields set to {@code null} are removed from the row) if the row still has the job's
     * {@code version}, and returns it as stored, with the next version.
     *
     * @throws StaleJobException when the row changed or vanished since the job was read
     */
    Job update(Job job);
}
