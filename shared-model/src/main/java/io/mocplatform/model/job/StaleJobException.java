package io.mocplatform.model.job;

/** A conditional job write lost: the row changed (or vanished) since the job was read. Read it again and decide. */
public class StaleJobException extends RuntimeException {

    public StaleJobException(String jobId, Throwable cause) {
        super("job " + jobId + " changed since it was read", cause);
    }
}
