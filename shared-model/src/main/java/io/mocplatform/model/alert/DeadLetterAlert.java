package io.mocplatform.model.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.Objects;

/**
 * The machine-readable body of an alert the dlq-handler publishes on the alerts topic (the {@code sqs},
 * {@code lambda} and {@code http(s)} protocols receive it; e-mail and the default protocol get readable text).
 * Versioned by {@code schema}; readers ignore unknown fields. Fields that do not apply are left out.
 *
 * @param schema           wire version, currently {@value #CURRENT_SCHEMA}
 * @param kind             what the alert is about
 * @param severity         how urgent it is
 * @param dedupKey         stable key for pager grouping: the same job (or message, or storm window) always gives
 *                         the same key, e.g. {@code dlq/prod/job/job_1767225600000_abcdefghij}
 * @param environment      deployment environment ({@code APP_ENV})
 * @param summary          one readable line, also used as the e-mail subject
 * @param raisedAt         when the dlq-handler raised the alert
 * @param jobId            the job, absent for a poison message and a storm
 * @param owner            the job's owner ({@code sub}), when known
 * @param jobStatus        the job's status after handling, usually {@code failed}
 * @param stage            the last stage the job reached, when known
 * @param attempts         processing attempts the job row recorded
 * @param receiveCount     how often SQS delivered this message (ApproximateReceiveCount)
 * @param errorType        the last known error's type (e.g. {@code gemini_unavailable}), {@code unknown} if none
 * @param errorMessage     the last known error's message
 * @param correlationId    ties the job's logs, traces and alerts together
 * @param traceId          X-Ray trace id from the message's AWSTraceHeader
 * @param messageId        SQS message id of the dead message
 * @param sentAt           when the message was first sent to the jobs queue (SentTimestamp)
 * @param firstReceivedAt  when it was first received (ApproximateFirstReceiveTimestamp)
 * @param lastReceivedAt   when the dlq-handler received it from the dead-letter queue
 * @param queueAgeSeconds  seconds between {@code sentAt} and {@code lastReceivedAt}
 * @param logsInsightsQuery CloudWatch Logs Insights query that finds this job's (or message's) log lines
 * @param runbookUrl       the runbook section for this kind of alert
 * @param redriveCommand   the AWS CLI command that moves dead messages back to the jobs queue after a fix
 * @param replayHint       how to replay only this job, when there is one
 * @param rawBody          for an unreadable message: its body, truncated and made safe to print
 * @param storm            for a storm alert: the window and its counts
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadLetterAlert(int schema, AlertKind kind, AlertSeverity severity, String dedupKey,
                              String environment, String summary, Instant raisedAt, String jobId, String owner,
                              String jobStatus, String stage, Integer attempts, Integer receiveCount,
                              String errorType, String errorMessage, String correlationId, String traceId,
                              String messageId, Instant sentAt, Instant firstReceivedAt, Instant lastReceivedAt,
                              Long queueAgeSeconds, String logsInsightsQuery, String runbookUrl,
                              String redriveCommand, String replayHint, String rawBody, StormSummary storm) {

    /** The schema version this code writes. */
    public static final int CURRENT_SCHEMA = 1;

    public DeadLetterAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(dedupKey, "dedup key");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(raisedAt, "raised at");
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this alert's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable builder; {@code schema} defaults to {@link #CURRENT_SCHEMA}. */
    public static final class Builder {
        private int schema = CURRENT_SCHEMA;
        private AlertKind kind;
        private AlertSeverity severity;
        private String dedupKey;
        private String environment;
        private String summary;
        private Instant raisedAt;
        private String jobId;
        private String owner;
        private String jobStatus;
        private String stage;
        private Integer attempts;
        private Integer receiveCount;
        private String errorType;
        private String errorMessage;
        private String correlationId;
        private String traceId;
        private String messageId;
        private Instant sentAt;
        private Instant firstReceivedAt;
        private Instant lastReceivedAt;
        private Long queueAgeSeconds;
        private String logsInsightsQuery;
        private String runbookUrl;
        private String redriveCommand;
        private String replayHint;
        private String rawBody;
        private StormSummary storm;

        Builder() {
        }

        Builder(DeadLetterAlert a) {
            schema = a.schema;
            kind = a.kind;
            severity = a.severity;
            dedupKey = a.dedupKey;
            environment = a.environment;
            summary = a.summary;
            raisedAt = a.raisedAt;
            jobId = a.jobId;
            owner = a.owner;
            jobStatus = a.jobStatus;
            stage = a.stage;
            attempts = a.attempts;
            receiveCount = a.receiveCount;
            errorType = a.errorType;
            errorMessage = a.errorMessage;
            correlationId = a.correlationId;
            traceId = a.traceId;
            messageId = a.messageId;
            sentAt = a.sentAt;
            firstReceivedAt = a.firstReceivedAt;
            lastReceivedAt = a.lastReceivedAt;
            queueAgeSeconds = a.queueAgeSeconds;
            logsInsightsQuery = a.logsInsightsQuery;
            runbookUrl = a.runbookUrl;
            redriveCommand = a.redriveCommand;
            replayHint = a.replayHint;
            rawBody = a.rawBody;
            storm = a.storm;
        }

        public Builder schema(int value) { schema = value; return this; }
        public Builder kind(AlertKind value) { kind = value; return this; }
        public Builder severity(AlertSeverity value) { severity = value; return this; }
        public Builder dedupKey(String value) { dedupKey = value; return this; }
        public Builder environment(String value) { environment = value; return this; }
        public Builder summary(String value) { summary = value; return this; }
        public Builder raisedAt(Instant value) { raisedAt = value; return this; }
        public Builder jobId(String value) { jobId = value; return this; }
        public Builder owner(String value) { owner = value; return this; }
        public Builder jobStatus(String value) { jobStatus = value; return this; }
        public Builder stage(String value) { stage = value; return this; }
        public Builder attempts(Integer value) { attempts = value; return this; }
        public Builder receiveCount(Integer value) { receiveCount = value; return this; }
        public Builder errorType(String value) { errorType = value; return this; }
        public Builder errorMessage(String value) { errorMessage = value; return this; }
        public Builder correlationId(String value) { correlationId = value; return this; }
        public Builder traceId(String value) { traceId = value; return this; }
        public Builder messageId(String value) { messageId = value; return this; }
        public Builder sentAt(Instant value) { sentAt = value; return this; }
        public Builder firstReceivedAt(Instant value) { firstReceivedAt = value; return this; }
        public Builder lastReceivedAt(Instant value) { lastReceivedAt = value; return this; }
        public Builder queueAgeSeconds(Long value) { queueAgeSeconds = value; return this; }
        public Builder logsInsightsQuery(String value) { logsInsightsQuery = value; return this; }
        public Builder runbookUrl(String value) { runbookUrl = value; return this; }
        public Builder redriveCommand(String value) { redriveCommand = value; return this; }
        public Builder replayHint(String value) { replayHint = value; return this; }
        public Builder rawBody(String value) { rawBody = value; return this; }
        public Builder storm(StormSummary value) { storm = value; return this; }

        /** The alert; fails when kind, severity, dedup key, summary or raised-at is missing. */
        public DeadLetterAlert build() {
            return new DeadLetterAlert(schema, kind, severity, dedupKey, environment, summary, raisedAt, jobId,
                    owner, jobStatus, stage, attempts, receiveCount, errorType, errorMessage, correlationId,
                    traceId, messageId, sentAt, firstReceivedAt, lastReceivedAt, queueAgeSeconds,
                    logsInsightsQuery, runbookUrl, redriveCommand, replayHint, rawBody, storm);
        }
    }
}
