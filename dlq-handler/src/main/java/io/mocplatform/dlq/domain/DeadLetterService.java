package io.mocplatform.dlq.domain;

import io.mocplatform.dlq.domain.port.AlertLedger;
import io.mocplatform.dlq.domain.port.AlertPublisher;
import io.mocplatform.jobstore.JobDeadLetter;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.alert.AlertKind;
import io.mocplatform.model.alert.DeadLetterAlert;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Handles one dead message: marks its job failed and makes sure the on-call engineer hears about it, at least
 * once and, unless an invocation dies between publishing and confirming, exactly once.
 *
 * <p>The job row is the source of truth. One conditional write ({@link JobDeadLetter#markDeadAndClaimAlert}) both
 * marks the job failed (error type {@code dead_lettered}, the last known error's message kept) and claims the alert
 * by setting {@code alerted_at}; whoever wins that write sends the alert, then confirms it with a second write
 * setting {@code alert_sent_at}. A redelivery or a concurrent invocation that finds a confirmed claim sends nothing;
 * one that finds a claim younger than the claim timeout leaves the message for later (the claimant is publishing
 * right now); one that finds an older unconfirmed claim knows the claimant died (timeout, out of memory) and takes
 * the claim over, through the same conditional write, so only one of several redeliveries publishes. A completed or
 * cancelled job is never touched: the write's condition makes a success written in between win (no alert: nobody
 * waits on a finished job, and the handler's log line and metrics still record the message). The writes touch only
 * the dlq-handler's attributes (status and error of the dead mark, the alert claim), never the processor's lease. Messages without a job row are claimed in the
 * {@link AlertLedger} instead, with the same lease-and-confirm rule: by job id when the message names a job the
 * table does not know (one alert per unknown job, however many of its messages die), by message id when it names
 * none.
 *
 * <p>Storm control counts every dead message per fixed window; above the threshold single alerts stop and the
 * first message over it sends one aggregated alert with the counts by error type.
 *
 * <p>When the alert cannot be published, the claim is given back (and the job's original error restored, the job
 * staying failed) and the message is reported for retry, so nothing is dropped silently.
 */
public final class DeadLetterService {

    /** A dead job is rarely written by anyone else; a few re-reads settle any race. */
    private static final int MAX_WRITE_ATTEMPTS = 5;

    private final JobDeadLetter jobs;
    private final AlertLedger ledger;
    private final AlertPublisher publisher;
    private final AlertComposer composer;
    private final DeadLetterPolicy policy;
    private final Clock clock;

    public DeadLetterService(JobDeadLetter jobs, AlertLedger ledger, AlertPublisher publisher,
                             DeadLetterPolicy policy, Clock clock) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.publisher = publisher;
        this.composer = new AlertComposer(policy);
        this.policy = policy;
        this.clock = clock;
    }

    /** Handles one dead message; see the class description. */
    public DeadLetterOutcome handle(DeadLetter letter) {
        // Stored instants keep milliseconds; the claim is later matched against what was stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!letter.namesJob()) {
            return handleWithoutJob(letter, AlertKind.POISON_MESSAGE, now);
        }
        Optional<Job> job = jobs.find(letter.jobId());
        return job.isPresent() ? handleJob(letter, job.get(), now)
                : handleWithoutJob(letter, AlertKind.UNKNOWN_JOB, now);
    }

    private DeadLetterOutcome handleJob(DeadLetter letter, Job read, Instant now) {
        Job job = read;
        Instant staleBefore = now.minus(policy.claimTimeout());
        for (int attempt = 1; ; attempt++) {
            Cause cause = Cause.of(job);
            if (job.status() == JobStatus.COMPLETED || job.status() == JobStatus.CANCELLED) {
                return new DeadLetterOutcome(Disposition.JOB_ALREADY_FINISHED,
                        composer.forJob(letter, job, cause, now), null);
            }
            if (job.status() == JobStatus.PROCESSING && job.leaseExpiresAt() != null
                    && job.leaseExpiresAt().isAfter(now)) {
                // A live lease means a newer delivery (e.g. after a retry) is working on the job right now; this
                // dead message is older. Come back once that delivery has finished or its lease has lapsed.
                return new DeadLetterOutcome(Disposition.JOB_BUSY, composer.forJob(letter, job, cause, now), null);
            }
            boolean marked = Cause.isMarked(job);
            // The message counts in the storm window of the first claim on this death, so that a takeover finishes
            // the storm alert its crashed claimant may have owed, even when the takeover happens in a later window.
            Instant countedAt = now;
            // alerted_at only counts for the current death: a job retried after an earlier one may still carry it.
            if (marked && job.alertedAt() != null) {
                if (job.alertSentAt() != null) {
                    return new DeadLetterOutcome(Disposition.ALREADY_ALERTED,
                            composer.forJob(letter, job, cause, now), null);
                }
                if (job.alertedAt().isAfter(staleBefore)) {
                    return new DeadLetterOutcome(Disposition.ALERT_IN_PROGRESS,
                            composer.forJob(letter, job, cause, now), null);
                }
                countedAt = job.alertedAt();
            }
            JobWrite claim = jobs.markDeadAndClaimAlert(job.jobId(),
                    new JobError(Cause.DEAD_LETTERED, cause.message(), true, cause.stage()), now, staleBefore);
            if (!(claim instanceof JobWrite.Applied applied)) {
                // Someone wrote first (the processor finished, another invocation claimed): decide on the new row.
                if (attempt == MAX_WRITE_ATTEMPTS) {
                    throw new IllegalStateException("job " + job.jobId() + " kept changing while its dead letter"
                            + " was handled; the message is retried");
                }
                if (claim.current().isEmpty()) {
                    return handleWithoutJob(letter, AlertKind.UNKNOWN_JOB, now);
                }
                job = claim.current().get();
                continue;
            }
            Job saved = applied.job();
            DeadLetterAlert facts = composer.forJob(letter, saved, cause, now);
            DeadLetterOutcome outcome = deliver(facts, countedAt, now);
            if (outcome.retry()) {
                releaseJobClaim(saved, job.error(), now);
            } else {
                confirmJobClaim(saved, now);
            }
            return outcome;
        }
    }

    private DeadLetterOutcome handleWithoutJob(DeadLetter letter, AlertKind kind, Instant now) {
        DeadLetterAlert facts = composer.forMessage(letter, kind, now);
        String subject = kind == AlertKind.UNKNOWN_JOB ? "unknown-job#" + letter.jobId()
                : "message#" + letter.messageId();
        MessageClaim claim = ledger.claimAlert(subject, now, now.minus(policy.claimTimeout()),
                now.plus(policy.markerRetention()));
        switch (claim.state()) {
            case CONFIRMED -> {
                return new DeadLetterOutcome(Disposition.ALREADY_ALERTED, facts, null);
            }
            case IN_PROGRESS -> {
                return new DeadLetterOutcome(Disposition.ALERT_IN_PROGRESS, facts, null);
            }
            case CLAIMED -> {
                // Counted in the window of the first claim, for the same reason as a job's takeover.
                Instant countedAt = claim.staleClaimAt() != null ? claim.staleClaimAt() : now;
                DeadLetterOutcome outcome = deliver(facts, countedAt, now);
                if (outcome.retry()) {
                    ledger.releaseAlert(subject, now);
                } else {
                    ledger.confirmAlert(subject, now, sentAt());
                }
                return outcome;
            }
            default -> throw new IllegalStateException("unknown claim state " + claim.state());
        }
    }

    /**
     * Counts the message in the storm window of {@code countedAt}, then sends its own alert, the storm alert, or
     * nothing. A storm alert claimed moments ago by someone else and not confirmed yet counts as sent: its
     * claimant's own message stays unconfirmed until it is, so if the claimant dies, that message's redelivery
     * takes the storm claim over and sends it.
     */
    private DeadLetterOutcome deliver(DeadLetterAlert facts, Instant countedAt, Instant now) {
        long windowMillis = policy.stormWindow().toMillis();
        Instant windowStart = Instant.ofEpochMilli(countedAt.toEpochMilli()
                - Math.floorMod(countedAt.toEpochMilli(), windowMillis));
        Instant windowEnd = windowStart.plusMillis(windowMillis);
        WindowCounts counts = ledger.countDeadMessage(windowStart, windowEnd, facts.errorType(),
                windowEnd.plus(policy.markerRetention()));
        if (counts.total() <= policy.stormThreshold()) {
            return publish(composer.notification(facts)) ? new DeadLetterOutcome(Disposition.ALERTED, facts, null)
                    : new DeadLetterOutcome(Disposition.PUBLISH_FAILED, facts, null);
        }
        Optional<WindowCounts> stormClaim = ledger.claimStormAlert(windowStart, now,
                now.minus(policy.claimTimeout()));
        if (stormClaim.isEmpty()) {
            return new DeadLetterOutcome(Disposition.SUPPRESSED_BY_STORM, facts, null);
        }
        DeadLetterAlert storm = composer.forStorm(windowStart, windowEnd, stormClaim.get(), now);
        if (publish(composer.notification(storm))) {
            ledger.confirmStormAlert(windowStart, now, sentAt());
            return new DeadLetterOutcome(Disposition.STORM_ALERTED, facts, storm);
        }
        ledger.releaseStormAlert(windowStart, now);
        return new DeadLetterOutcome(Disposition.PUBLISH_FAILED, facts, storm);
    }

    private boolean publish(Notification notification) {
        try {
            publisher.publish(notification);
            return true;
        } catch (AlertPublishException e) {
            return false;
        }
    }

    private Instant sentAt() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Sets {@code alert_sent_at} on the claim made at {@code claimedAt}, once its alert (or the storm alert standing
     * for it) is out. Nothing is written when the claim is no longer there: the job was retried (a new run, a new
     * claim at its next death) or, after an unusually long stall, taken over by a redelivery that sends the alert
     * again. {@code updated_at} stays: the job did not change for its owner, only the alert bookkeeping did.
     */
    private void confirmJobClaim(Job saved, Instant claimedAt) {
        jobs.confirmAlert(saved.jobId(), claimedAt, sentAt());
    }

    /**
     * Takes back {@code alerted_at} so the retry alerts, and puts back the error the job had before it was marked,
     * so the retry still knows the original error type and can alert at once instead of after the claim timeout.
     * The job stays failed meanwhile: its user must not see it come back to life because the pager was unreachable.
     * Nothing is written when the claim is no longer this one (retried or taken over meanwhile).
     */
    private void releaseJobClaim(Job saved, JobError originalError, Instant claimedAt) {
        boolean restorable = originalError != null && !Cause.DEAD_LETTERED.equals(originalError.type());
        jobs.releaseAlert(saved.jobId(), claimedAt, restorable ? originalError : null);
    }
}
