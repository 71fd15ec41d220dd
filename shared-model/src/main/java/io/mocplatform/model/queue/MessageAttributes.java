package io.mocplatform.model.queue;

/** Names of the SQS message attributes that travel with every drawing-job message. */
public final class MessageAttributes {

    /** The job's correlation id, also in the body, so it is visible without parsing. */
    public static final String CORRELATION_ID = "correlation_id";
    /** The job id, for filtering and for the DLQ handler when a body is unreadable. */
    public static final String JOB_ID = "job_id";
    /** X-Ray trace header of the request that queued the job: an SQS <em>system</em> attribute, not a message attribute. */
    public static final String TRACE_HEADER = "AWSTraceHeader";

    private MessageAttributes() {
    }
}
