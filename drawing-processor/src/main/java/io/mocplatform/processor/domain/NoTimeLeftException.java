package io.mocplatform.processor.domain;

/**
 * A step found too little of the invocation left to do its work properly. Nothing went wrong: the pipeline saves
 * its progress and hands the job on, so a fresh invocation starts the step with its whole budget. Unlike a
 * {@link RetryableException} this does not count as a failed receive, so it never brings a job nearer the
 * dead-letter queue.
 */
public final class NoTimeLeftException extends RuntimeException {

    public NoTimeLeftException(String message) {
        super(message);
    }
}
