package io.mocplatform.processor.domain;

/**
 * A write of this delivery was refused because it no longer holds the job's lease: the owner cancelled the job,
 * the dlq-handler marked it dead, or another delivery took over a lease that had lapsed. The run stops there.
 */
final class LeaseLostException extends RuntimeException {

    LeaseLostException(String jobId) {
        super("this delivery no longer holds the lease of job " + jobId);
    }
}
