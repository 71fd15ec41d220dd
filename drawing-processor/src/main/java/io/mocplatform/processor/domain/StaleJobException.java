package io.mocplatform.processor.domain;

/** The job row changed since it was read (another writer, e.g. a cancellation): the write did not happen. */
public class StaleJobException extends RuntimeException {

    public StaleJobException(String jobId, Throwable cause) {
        super("job " + jobId + " was changed by another writer", cause);
    }
}
