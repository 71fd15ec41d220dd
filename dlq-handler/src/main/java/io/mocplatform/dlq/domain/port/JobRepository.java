package io.mocplatform.dlq.domain.port;

import io.mocplatform.dlq.domain.StaleJobException;
import io.mocplatform.model.job.Job;

import java.util.Optional;

/** The Jobs table as the dead-letter handling needs it. */
public interface JobRepository {

    /** The job as stored now (strongly consistent), empty when there is no such row. */
    Optional<Job> find(String jobId);

    /**
     * Writes the job if its row still has the job's {@code version}, and returns it as stored (version moved on).
     *
     * @throws StaleJobException when the row changed (or vanished) since the job was read
     */
    Job save(Job job);
}
