package io.mocplatform.model.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A drawing-processing job as stored in the Jobs table: the read model. Immutable. Its writers never write it back
 * whole: each changes only the attributes it owns, conditioned on the state it depends on (the job-store module).
 *
 * @param jobId              {@code job_<epoch-millis>_<random>}, see {@link io.mocplatform.model.IdGenerator}
 * @param owner              the {@code sub} of the user who submitted it
 * @param status             lifecycle status
 * @param drawingId          the uploaded drawing
 * @param drawingKey         S3 key of the uploaded drawing
 * @param createdAt          when the job was accepted
 * @param updatedAt          last change
 * @param startedAt          when a delivery first took the job into processing in the current run; kept across
 *                           redeliveries and continuations, cleared when the job is retried; null while queued
 * @param stagesCompleted    stages finished so far, in order
 * @param currentStage       the stage being worked on (or last worked on)
 * @param lastCheckpoint     when progress was last saved
 * @param progress           pages done out of total
 * @param attempts           processing attempts started
 * @param result             summary once completed
 * @param error              why it failed
 * @param correlationId      ties logs, traces and alerts of this job together
 * @param idempotencyKey     the id of the client's {@code Idempotency-Key} claim (a hash; the key itself is never
 *                           stored), if any
 * @param requestFingerprint hash of the request body that created it, to spot key reuse with another body
 * @param leaseOwner         the delivery currently working on the job
 * @param leaseExpiresAt     when that lease lapses and another delivery may take over
 * @param alertedAt          when the dlq-handler claimed the alert about this job's death (a lease: the alert is
 *                           only known to be out once {@code alertSentAt} is set too)
 * @param alertSentAt        when that alert was confirmed published; null while the claim is unconfirmed
 * @param ttl                expiry in epoch seconds (DynamoDB TTL)
 * @param version            change counter: 1 when created, moved on by every write; no write is conditioned on it,
 *                           but a reader can tell that nothing changed between two reads
 */
public record Job(String jobId, String owner, JobStatus status, String drawingId, String drawingKey,
                  Instant createdAt, Instant updatedAt, Instant startedAt, List<JobStage> stagesCompleted, JobStage currentStage,
                  Instant lastCheckpoint, JobProgress progress, int attempts, JobResult result, JobError error,
                  String correlationId, String idempotencyKey, String requestFingerprint, String leaseOwner,
                  Instant leaseExpiresAt, Instant alertedAt, Instant alertSentAt, Long ttl, Long version) {

    /** How long a job row is kept after it was created. */
    public static final Duration RETENTION = Duration.ofDays(30);

    public Job {
        Objects.requireNonNull(jobId, "job id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "created at");
        stagesCompleted = stagesCompleted == null ? List.of() : List.copyOf(stagesCompleted);
        progress = progress == null ? JobProgress.none() : progress;
    }

    /** A freshly accepted job, queued for processing, expiring after {@link #RETENTION}. */
    public static Job queued(String jobId, String owner, String drawingId, String drawingKey, Instant now,
                             String correlationId, String idempotencyKey, String requestFingerprint) {
        return builder().jobId(jobId).owner(owner).status(JobStatus.QUEUED).drawingId(drawingId)
                .drawingKey(drawingKey).createdAt(now).updatedAt(now).correlationId(correlationId)
                .idempotencyKey(idempotencyKey).requestFingerprint(requestFingerprint)
                .ttl(now.plus(RETENTION).getEpochSecond()).build();
    }

    /** Whether the given stage has already finished (a redelivery skips it). */
    public boolean hasCompleted(JobStage stage) {
        return stagesCompleted.contains(stage);
    }

    /** The first stage not yet completed, empty when every stage is done. */
    public java.util.Optional<JobStage> nextStage() {
        return java.util.Arrays.stream(JobStage.values()).filter(s -> !hasCompleted(s)).findFirst();
    }

    /** A builder starting from this job's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; also what the DynamoDB immutable table schema fills. */
    public static final class Builder {
        private String jobId;
        private String owner;
        private JobStatus status;
        private String drawingId;
        private String drawingKey;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant startedAt;
        private List<JobStage> stagesCompleted;
        private JobStage currentStage;
        private Instant lastCheckpoint;
        private JobProgress progress;
        private int attempts;
        private JobResult result;
        private JobError error;
        private String correlationId;
        private String idempotencyKey;
        private String requestFingerprint;
        private String leaseOwner;
        private Instant leaseExpiresAt;
        private Instant alertedAt;
        private Instant alertSentAt;
        private Long ttl;
        private Long version;

        Builder() {
        }

        Builder(Job job) {
            jobId = job.jobId;
            owner = job.owner;
            status = job.status;
            drawingId = job.drawingId;
            drawingKey = job.drawingKey;
            createdAt = job.createdAt;
            updatedAt = job.updatedAt;
            startedAt = job.startedAt;
            stagesCompleted = job.stagesCompleted;
            currentStage = job.currentStage;
            lastCheckpoint = job.lastCheckpoint;
            progress = job.progress;
            attempts = job.attempts;
            result = job.result;
            error = job.error;
            correlationId = job.correlationId;
            idempotencyKey = job.idempotencyKey;
            requestFingerprint = job.requestFingerprint;
            leaseOwner = job.leaseOwner;
            leaseExpiresAt = job.leaseExpiresAt;
            alertedAt = job.alertedAt;
            alertSentAt = job.alertSentAt;
            ttl = job.ttl;
            version = job.version;
        }

        public Builder jobId(String value) { jobId = value; return this; }
        public Builder owner(String value) { owner = value; return this; }
        public Builder status(JobStatus value) { status = value; return this; }
        public Builder drawingId(String value) { drawingId = value; return this; }
        public Builder drawingKey(String value) { drawingKey = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder startedAt(Instant value) { startedAt = value; return this; }
        public Builder stagesCompleted(List<JobStage> value) { stagesCompleted = value; return this; }
        public Builder currentStage(JobStage value) { currentStage = value; return this; }
        public Builder lastCheckpoint(Instant value) { lastCheckpoint = value; return this; }
        public Builder progress(JobProgress value) { progress = value; return this; }
        public Builder attempts(int value) { attempts = value; return this; }
        public Builder attempts(Integer value) { attempts = value == null ? 0 : value; return this; }
        public Builder result(JobResult value) { result = value; return this; }
        public Builder error(JobError value) { error = value; return this; }
        public Builder correlationId(String value) { correlationId = value; return this; }
        public Builder idempotencyKey(String value) { idempotencyKey = value; return this; }
        public Builder requestFingerprint(String value) { requestFingerprint = value; return this; }
        public Builder leaseOwner(String value) { leaseOwner = value; return this; }
        public Builder leaseExpiresAt(Instant value) { leaseExpiresAt = value; return this; }
        public Builder alertedAt(Instant value) { alertedAt = value; return this; }
        public Builder alertSentAt(Instant value) { alertSentAt = value; return this; }
        public Builder ttl(Long value) { ttl = value; return this; }
        public Builder version(Long value) { version = value; return this; }

        /** The job; fails when a required field is missing. */
        public Job build() {
            return new Job(jobId, owner, status, drawingId, drawingKey, createdAt, updatedAt, startedAt,
                    stagesCompleted, currentStage, lastCheckpoint, progress, attempts, result, error, correlationId,
                    idempotencyKey, requestFingerprint, leaseOwner, leaseExpiresAt, alertedAt, alertSentAt, ttl, version);
        }
    }
}
