package io.mocplatform.dlq.domain;

/** The job row changed since it was read (its version moved on): read it again and decide again. */
public class StaleJobException extends RuntimeException {

    public StaleJobException(String jobId, Throwable cause) {
        super("job " + jobId + " was changed by someone else", cause);
    }
}
