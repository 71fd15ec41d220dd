package io.mocplatform.dlq.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One message from the drawing-jobs dead-letter queue, as far as it could be read. The handler fills it from the
 * SQS record: the job fields from the body (or, for an unreadable body, from the message attributes), the
 * timestamps and receive count from the SQS attributes.
 *
 * @param messageId        SQS message id; stable across receives, so it identifies the message for deduplication
 * @param jobId            the job the message is about, null when neither body nor attributes name one
 * @param owner            the owner written in the message, if any (the job row is trusted over it)
 * @param correlationId    the correlation id written in the message or its attributes, if any
 * @param schema           the body's schema version, null when the body is unreadable
 * @param unreadableReason why the body is not a usable job message, null when it is one
 * @param rawBody          the body exactly as received (never printed without {@link SafeText})
 * @param receiveCount     ApproximateReceiveCount, null when absent
 * @param sentAt           SentTimestamp: when the message was first sent, null when absent
 * @param firstReceivedAt  ApproximateFirstReceiveTimestamp, null when absent
 * @param traceId          X-Ray trace id from the AWSTraceHeader system attribute, null when absent
 */
public record DeadLetter(String messageId, String jobId, String owner, String correlationId, Integer schema,
                         String unreadableReason, String rawBody, Integer receiveCount, Instant sentAt,
                         Instant firstReceivedAt, String traceId) {

    public DeadLetter {
        Objects.requireNonNull(messageId, "message id");
        rawBody = rawBody == null ? "" : rawBody;
    }

    /** Whether the message names a job whose row can be looked up. */
    public boolean namesJob() {
        return jobId != null;
    }

    /** Whether the body could not be read as a job message (its raw text then goes into the alert). */
    public boolean unreadable() {
        return unreadableReason != null;
    }
}
