package io.mocplatform.jobapi.domain;

import io.mocplatform.jobapi.domain.port.DrawingStore;
import io.mocplatform.jobapi.domain.port.IdempotencyRecord;
import io.mocplatform.jobapi.domain.port.JobQueue;
import io.mocplatform.jobapi.domain.port.JobRepository;
import io.mocplatform.jobapi.domain.port.QueueUnavailableException;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.IdGenerator;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.queue.DrawingJobMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Job intake and the owner's view of jobs: submit (with idempotency), status, listing, cancel and retry.
 * The job row is always written before its message is sent, and a job whose message could not be sent is marked
 * failed (retryable) so no {@code queued} job waits for a message that never comes.
 */
public final class JobService {

    /** The error type of a job whose message the queue did not take. */
    public static final String ENQUEUE_FAILED = "enqueue_failed";

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    private final JobRepository jobs;
    private final DrawingStore drawings;
    private final JobQueue queue;
    private final Clock clock;
    private final IdGenerator ids;
    private final JobPolicy policy;

    public JobService(JobRepository jobs, DrawingStore drawings, JobQueue queue, Clock clock, IdGenerator ids,
                      JobPolicy policy) {
        this.jobs = jobs;
        this.drawings = drawings;
        this.queue = queue;
        this.clock = clock;
        this.ids = ids;
        this.policy = policy;
    }

    /** Creates and queues a job for an uploaded drawing, or resolves a repeated request to its first job. */
    public Submission submit(SubmitJob command) {
        Optional<String> claimId = command.idempotencyId();
        if (claimId.isPresent()) {
            Optional<Submission> replay = jobs.findClaim(claimId.get()).filter(c -> c.isLiveAt(now()))
                    .map(claim -> replay(claim, command));
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        String drawingKey = DrawingKeys.of(command.owner(), command.drawingId());
        if (!drawings.exists(drawingKey)) {
            throw new JobRejectedException(JobRejectedException.Reason.DRAWING_MISSING, "drawing " + command.drawingId()
                    + " has not been uploaded; PUT it to the upload URL from POST /drawings first");
        }
        Instant now = now();
        Job job = Job.queued(ids.newJobId(), command.owner(), command.drawingId(), drawingKey, now,
                command.correlationId(), claimId.orElse(null), command.fingerprint());
        Job stored;
        if (claimId.isPresent()) {
            IdempotencyRecord claim = new IdempotencyRecord(claimId.get(), job.jobId(), command.fingerprint(), now,
                    now.plus(policy.idempotencyTtl()));
            Optional<IdempotencyRecord> winner = jobs.createClaimed(job, claim);
            if (winner.isPresent()) {
                return replay(winner.get(), command);
            }
            stored = job.toBuilder().version(1L).build();
        } else {
            stored = jobs.create(job);
        }
        send(stored, DrawingJobMessage.of(stored.jobId(), drawingKey, stored.owner(), stored.correlationId(), now));
        return new Submission(stored, false);
    }

    /** The caller's job; unknown ids and other users' jobs are both not found. */
    public JobDetails status(String owner, String jobId) {
        return view(load(owner, jobId));
    }

    /** One page of the caller's jobs, newest first. */
    public JobPage list(String owner, JobStatus status, int limit, Map<String, String> startKey) {
        JobRepository.Page page = jobs.listByOwner(owner, status, limit, startKey);
        return new JobPage(page.jobs().stream().map(this::view).toList(), page.nextKey());
    }

    /** Cancels a queued or processing job; the processor stops at its next write, which the status refuses. */
    public JobDetails cancel(String owner, String jobId) {
        requireJobId(jobId);
        JobWrite cancelled = jobs.cancel(jobId, owner, now());
        if (cancelled instanceof JobWrite.Applied applied) {
            return view(applied.job());
        }
        Job current = owned(cancelled, owner, jobId);
        throw new JobRejectedException(JobRejectedException.Reason.STATE_CONFLICT,
                "job " + jobId + " is " + current.status().wireName() + " and can no longer be cancelled");
    }

    /** Queues a failed job again; the processor resumes after the last stage it completed. */
    public Job retry(String owner, String jobId) {
        requireJobId(jobId);
        JobWrite requeued = jobs.requeue(jobId, owner, now());
        if (requeued instanceof JobWrite.Applied applied) {
            return sendAgain(applied.job());
        }
        Job current = owned(requeued, owner, jobId);
        throw new JobRejectedException(JobRejectedException.Reason.STATE_CONFLICT,
                "only failed jobs can be retried; job " + jobId + " is " + current.status().wireName());
    }

    private Submission replay(IdempotencyRecord claim, SubmitJob command) {
        if (!claim.fingerprint().equals(command.fingerprint())) {
            throw new JobRejectedException(JobRejectedException.Reason.KEY_REUSED,
                    "this Idempotency-Key was used with a different request body; use a new key for a new request");
        }
        Job job = jobs.find(claim.jobId()).orElseThrow(() -> new IllegalStateException(
                "idempotency claim " + claim.id() + " points at missing job " + claim.jobId()));
        if (isUnsent(job)) {
            // The first attempt was answered 503; a client retrying it with the same key gets its job queued.
            return new Submission(requeueUnsent(job), true);
        }
        return new Submission(job, true);
    }

    private static boolean isUnsent(Job job) {
        return job.status() == JobStatus.FAILED && job.error() != null && ENQUEUE_FAILED.equals(job.error().type());
    }

    /** A job answered 503 before is requeued; if a concurrent repeat requeued it first, that one sent it. */
    private Job requeueUnsent(Job unsent) {
        JobWrite requeued = jobs.requeue(unsent.jobId(), unsent.owner(), now());
        if (requeued instanceof JobWrite.Applied applied) {
            return sendAgain(applied.job());
        }
        return requeued.current().orElseThrow(() -> new IllegalStateException("job " + unsent.jobId() + " vanished"));
    }

    /** Sends the message of a requeued job, resuming after the last stage it completed. */
    private Job sendAgain(Job queued) {
        DrawingJobMessage message = DrawingJobMessage.of(queued.jobId(), queued.drawingKey(), queued.owner(),
                queued.correlationId(), queued.updatedAt());
        send(queued, queued.nextStage().map(message::resumingFrom).orElse(message));
        return queued;
    }

    private void send(Job job, DrawingJobMessage message) {
        try {
            queue.enqueue(message);
        } catch (QueueUnavailableException unavailable) {
            markUnsent(job, unavailable);
            throw new JobRejectedException(JobRejectedException.Reason.QUEUE_UNAVAILABLE,
                    "the job could not be queued for processing; retry the request shortly");
        }
    }

    private void markUnsent(Job job, QueueUnavailableException cause) {
        JobError error = new JobError(ENQUEUE_FAILED, "The job could not be handed to the processing queue.", true,
                null);
        try {
            JobWrite marked = jobs.markUnsent(job.jobId(), error, now());
            if (marked.applied()) {
                LOG.warn("job {} marked failed: its message was not sent", job.jobId(), cause);
            } else {
                // No longer queued: a message from the reconciler reached the processor, or the owner cancelled.
                LOG.warn("job {} was not marked failed after its message was not sent: it is {} now", job.jobId(),
                        marked.current().map(j -> j.status().wireName()).orElse("gone"), cause);
            }
        } catch (RuntimeException writeFailed) {
            // Nothing more can be done here: this ERROR line (job id included) is what an alarm must catch.
            writeFailed.addSuppressed(cause);
            LOG.error("job {} is queued without a message and could not be marked failed", job.jobId(), writeFailed);
        }
    }

    private Job load(String owner, String jobId) {
        requireJobId(jobId);
        return jobs.find(jobId).filter(job -> job.owner().equals(owner))
                .orElseThrow(() -> new JobRejectedException(JobRejectedException.Reason.NOT_FOUND, "no job " + jobId));
    }

    private static void requireJobId(String jobId) {
        if (!IdGenerator.isJobId(jobId)) {
            throw new JobRejectedException(JobRejectedException.Reason.INVALID,
                    "job_id must look like job_<13 digits>_<10 characters>, got '" + jobId + "'");
        }
    }

    /** The row a refused write found, if it is the caller's; another user's job is not found, like a missing one. */
    private static Job owned(JobWrite refused, String owner, String jobId) {
        return refused.current().filter(job -> job.owner().equals(owner))
                .orElseThrow(() -> new JobRejectedException(JobRejectedException.Reason.NOT_FOUND, "no job " + jobId));
    }

    private JobDetails view(Job job) {
        if (job.status() != JobStatus.COMPLETED || job.result() == null || job.result().scheduleJsonKey() == null) {
            return JobDetails.of(job);
        }
        URI json = drawings.presignDownload(job.result().scheduleJsonKey(), policy.downloadUrlTtl());
        URI csv = job.result().scheduleCsvKey() == null ? null
                : drawings.presignDownload(job.result().scheduleCsvKey(), policy.downloadUrlTtl());
        return new JobDetails(job, json, csv, now().plus(policy.downloadUrlTtl()));
    }

    /** Millisecond precision: stored instants sort as strings in OwnerIndex and print at a fixed width. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
