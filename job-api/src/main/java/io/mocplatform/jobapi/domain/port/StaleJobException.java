package io.mocplatform.jobapi.domain.port;

/** The job changed (or vanished) since it was read: the conditional write on its version failed. */
public class StaleJobException extends RuntimeException {

    public StaleJobException(String jobId, Throwable cause) {
        super("job " + jobId + " changed since it was read", cause);
    }
}
