package io.mocplatform.dlq.domain;

import io.mocplatform.dlq.domain.port.AlertLedger;
import io.mocplatform.dlq.domain.port.AlertPublisher;
import io.mocplatform.jobstore.JobDeadLetter;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** Small in-memory stand-ins for the ports, with the same conditional-write rules as the DynamoDB adapters. */
final class Fakes {

    private Fakes() {
    }

    /** The dlq-handler's job writes with the real store's conditions (see {@code DynamoDbJobDeadLetter}). */
    static final class Jobs implements JobDeadLetter {
        final Map<String, Job> rows = new HashMap<>();
        /** Runs just before the next write is checked, to simulate a concurrent writer; then forgotten. */
        Consumer<Jobs> beforeNextUpdate;
        int updates;

        Job put(Job job) {
            Job stored = job.toBuilder().version(job.version() == null ? 1L : job.version()).build();
            rows.put(job.jobId(), stored);
            return stored;
        }

        @Override
        public Optional<Job> find(String jobId) {
            return Optional.ofNullable(rows.get(jobId));
        }

        @Override
        public JobWrite markDeadAndClaimAlert(String jobId, JobError deadLettered, Instant now, Instant staleBefore) {
            return write(jobId, job -> job.status() != JobStatus.COMPLETED && job.status() != JobStatus.CANCELLED
                            && (job.status() != JobStatus.PROCESSING || job.leaseExpiresAt() == null
                                || !job.leaseExpiresAt().isAfter(now))
                            && (!marked(job) || job.alertedAt() == null
                                || (job.alertSentAt() == null && !job.alertedAt().isAfter(staleBefore))),
                    job -> job.toBuilder().status(JobStatus.FAILED).error(deadLettered).updatedAt(now).alertedAt(now)
                            .alertSentAt(null).leaseOwner(null).leaseExpiresAt(null));
        }

        @Override
        public JobWrite confirmAlert(String jobId, Instant claimedAt, Instant sentAt) {
            return write(jobId, job -> marked(job) && claimedAt.equals(job.alertedAt()) && job.alertSentAt() == null,
                    job -> job.toBuilder().alertSentAt(sentAt));
        }

        @Override
        public JobWrite releaseAlert(String jobId, Instant claimedAt, JobError originalError) {
            return write(jobId, job -> marked(job) && claimedAt.equals(job.alertedAt()), job -> {
                Job.Builder released = job.toBuilder().alertedAt(null);
                return originalError == null ? released : released.error(originalError);
            });
        }

        private static boolean marked(Job job) {
            return job.status() == JobStatus.FAILED && job.error() != null
                    && "dead_lettered".equals(job.error().type());
        }

        private JobWrite write(String jobId, Predicate<Job> condition, Function<Job, Job.Builder> change) {
            if (beforeNextUpdate != null) {
                Consumer<Jobs> interference = beforeNextUpdate;
                beforeNextUpdate = null;
                interference.accept(this);
            }
            Job current = rows.get(jobId);
            if (current == null || !condition.test(current)) {
                return new JobWrite.Refused(Optional.ofNullable(current));
            }
            updates++;
            Job stored = change.apply(current).build();
            rows.put(jobId, stored);
            return new JobWrite.Applied(stored);
        }
    }

    static final class Ledger implements AlertLedger {
        /** A claim and, once its alert is out, when it was confirmed. */
        record Claim(Instant claimedAt, Instant sentAt) {
        }

        final Map<String, Claim> claims = new HashMap<>();
        final Map<Instant, Map<String, Long>> windows = new HashMap<>();
        final Map<Instant, Claim> stormClaims = new HashMap<>();

        @Override
        public MessageClaim claimAlert(String subject, Instant claimedAt, Instant staleBefore, Instant expiresAt) {
            Claim current = claims.get(subject);
            if (current != null && !claimable(current, staleBefore)) {
                return MessageClaim.lost(current.sentAt() != null);
            }
            claims.put(subject, new Claim(claimedAt, null));
            return current == null ? MessageClaim.claimed() : MessageClaim.takenOver(current.claimedAt());
        }

        @Override
        public void confirmAlert(String subject, Instant claimedAt, Instant sentAt) {
            claims.computeIfPresent(subject,
                    (id, c) -> c.claimedAt().equals(claimedAt) ? new Claim(claimedAt, sentAt) : c);
        }

        @Override
        public void releaseAlert(String subject, Instant claimedAt) {
            claims.computeIfPresent(subject, (id, c) -> c.claimedAt().equals(claimedAt) ? null : c);
        }

        @Override
        public WindowCounts countDeadMessage(Instant windowStart, Instant windowEnd, String errorType,
                                             Instant expiresAt) {
            windows.computeIfAbsent(windowStart, w -> new HashMap<>()).merge(errorType, 1L, Long::sum);
            return counts(windowStart);
        }

        @Override
        public Optional<WindowCounts> claimStormAlert(Instant windowStart, Instant claimedAt, Instant staleBefore) {
            Claim current = stormClaims.get(windowStart);
            if (current != null && !claimable(current, staleBefore)) {
                return Optional.empty();
            }
            stormClaims.put(windowStart, new Claim(claimedAt, null));
            return Optional.of(counts(windowStart));
        }

        @Override
        public void confirmStormAlert(Instant windowStart, Instant claimedAt, Instant sentAt) {
            stormClaims.computeIfPresent(windowStart,
                    (w, c) -> c.claimedAt().equals(claimedAt) ? new Claim(claimedAt, sentAt) : c);
        }

        @Override
        public void releaseStormAlert(Instant windowStart, Instant claimedAt) {
            stormClaims.computeIfPresent(windowStart, (w, c) -> c.claimedAt().equals(claimedAt) ? null : c);
        }

        /** The adapter's condition: never confirmed and made before the staleness bound. */
        private static boolean claimable(Claim claim, Instant staleBefore) {
            return claim.sentAt() == null && claim.claimedAt().isBefore(staleBefore);
        }

        private WindowCounts counts(Instant windowStart) {
            Map<String, Long> byType = windows.getOrDefault(windowStart, Map.of());
            return new WindowCounts(byType.values().stream().mapToLong(Long::longValue).sum(), byType);
        }
    }

    /** What a Lambda that dies mid-publish (timeout, out of memory) looks like from the domain: nothing returns. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("the function died while publishing");
        }
    }

    static final class Publisher implements AlertPublisher {
        final List<Notification> sent = new ArrayList<>();
        int failNext;
        /** The next publish dies instead of returning or failing cleanly; nothing is sent. */
        boolean crashNext;

        @Override
        public void publish(Notification notification) {
            if (crashNext) {
                crashNext = false;
                throw new SimulatedCrash();
            }
            if (failNext > 0) {
                failNext--;
                throw new AlertPublishException("throttled", null);
            }
            sent.add(notification);
        }
    }
}
