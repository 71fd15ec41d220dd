package io.mocplatform.reconciler.domain;

import io.mocplatform.jobstore.JobResend;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.reconciler.domain.port.JobQueue;
import io.mocplatform.reconciler.domain.port.QueueUnavailableException;
import io.mocplatform.reconciler.domain.port.StaleJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds jobs whose message was lost and sends it again. A job is forgotten when it is {@code queued}, or
 * {@code processing} with no live lease, and nothing changed it for longer than
 * {@link ReconcilePolicy#staleAfter()}: job-api died between writing the row and sending the message, the queue
 * lost an acknowledged message, or a processor died after releasing its lease.
 *
 * <p>Sending again is safe because the processor decides from the row, not from the message: it skips a job that
 * is finished or whose lease another delivery holds, takes the lease with a write conditioned on the status it read
 * and on the lease being free or lapsed (so two deliveries never both work), and resumes after the last completed stage. A duplicate therefore costs
 * one read. Before sending, the reconciler moves {@code updated_at} on with a write conditioned on the job still
 * being forgotten ({@link JobResend#claimResend}): the next run then leaves the job alone for another
 * {@code staleAfter}, and a processor or owner that changed the job in between makes this write refused, so nothing
 * is sent for a job that is moving.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final StaleJobs staleJobs;
    private final JobResend jobs;
    private final JobQueue queue;
    private final ReconcilePolicy policy;
    private final Clock clock;

    public Reconciler(StaleJobs staleJobs, JobResend jobs, JobQueue queue, ReconcilePolicy policy, Clock clock) {
        this.staleJobs = staleJobs;
        this.jobs = jobs;
        this.queue = queue;
        this.policy = policy;
        this.clock = clock;
    }

    /** One pass over {@code queued} and {@code processing} jobs. */
    public ReconcileReport run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.minus(policy.staleAfter());
        Pass pass = new Pass(now, cutoff);
        int queued = pass.reconcile(JobStatus.QUEUED);
        int processing = pass.reconcile(JobStatus.PROCESSING);
        return new ReconcileReport(queued, processing, pass.requeued, pass.sendFailures, pass.skipped);
    }

    private final class Pass {
        private final Instant now;
        private final Instant cutoff;
        private final List<String> requeued = new ArrayList<>();
        private int sendFailures;
        private int skipped;

        Pass(Instant now, Instant cutoff) {
            this.now = now;
            this.cutoff = cutoff;
        }

        /** Returns how many jobs of the status were found stale. */
        int reconcile(JobStatus status) {
            int stale = 0;
            for (Job candidate : staleJobs.unchangedSince(status, cutoff, policy.maxPerRun())) {
                // The index is eventually consistent: decide on the row itself.
                Optional<Job> current = jobs.find(candidate.jobId()).filter(job -> isStale(job, status));
                if (current.isEmpty()) {
                    skipped++;
                    continue;
                }
                stale++;
                requeue(current.get(), status);
            }
            return stale;
        }

        private boolean isStale(Job job, JobStatus status) {
            if (job.status() != status || job.updatedAt() == null || !job.updatedAt().isBefore(cutoff)) {
                return false;
            }
            return job.leaseExpiresAt() == null || !job.leaseExpiresAt().isAfter(now);
        }

        private void requeue(Job job, JobStatus status) {
            JobWrite claimed = jobs.claimResend(job.jobId(), status, cutoff, now);
            if (!(claimed instanceof JobWrite.Applied applied)) {
                skipped++;
                return;
            }
            Job touched = applied.job();
            DrawingJobMessage message = DrawingJobMessage.of(touched.jobId(), touched.drawingKey(), touched.owner(),
                    touched.correlationId(), now);
            try {
                queue.enqueue(touched.nextStage().map(message::resumingFrom).orElse(message));
            } catch (QueueUnavailableException unavailable) {
                // updated_at moved on, so the job is found again one staleAfter later.
                sendFailures++;
                LOG.error("job {} is {} without a message and its message could not be sent again", job.jobId(),
                        job.status().wireName(), unavailable);
                return;
            }
            requeued.add(job.jobId());
            LOG.warn("job {} was {} since {} with no live lease: its message was sent again (correlation id {})",
                    job.jobId(), job.status().wireName(), job.updatedAt(), job.correlationId());
        }
    }
}
