package io.mocplatform.processor.domain.port;

import io.mocplatform.model.job.Job;

import java.util.Optional;

/** The Jobs table as the processor sees it. */
public interface JobRepository {

    /** The job as last written (strongly consistent read), if it exists. */
    Optional<Job> find(String jobId);

    /**
     * Writes the job if its {@code version} still matches the stored one and returns it with the new version;
     * throws {@link io.mocplatform.processor.domain.StaleJobException} when someone else wrote in between.
     */
    Job update(Job job);
}
