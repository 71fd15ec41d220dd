package io.mocplatform.dlq.domain;

import io.mocplatform.dlq.domain.port.AlertLedger;
import io.mocplatform.dlq.domain.port.AlertPublisher;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStore;
import io.mocplatform.model.job.StaleJobException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Small in-memory stand-ins for the ports, with the same conditional-write rules as the DynamoDB adapters. */
final class Fakes {

    private Fakes() {
    }

    /** Versioned rows: an update succeeds only against the version it read, like the Enhanced Client's extension. */
    static final class Jobs implements JobStore {
        final Map<String, Job> rows = new HashMap<>();
        /** Runs just before the next update is checked, to simulate a concurrent writer; then forgotten. */
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
        public Job update(Job job) {
            if (beforeNextUpdate != null) {
                Consumer<Jobs> interference = beforeNextUpdate;
                beforeNextUpdate = null;
                interference.accept(this);
            }
            Job current = rows.get(job.jobId());
            if (current == null || !Objects.equals(current.version(), job.version())) {
                throw new StaleJobException(job.jobId(), null);
            }
            updates++;
            Job stored = job.toBuilder().version(job.version() + 1).build();
            rows.put(job.jobId(), stored);
            return stored;
        }
    }

    static final class Ledger implements AlertLedger {
        final Map<String, Instant> messageClaims = new HashMap<>();
        final Map<Instant, Map<String, Long>> windows = new HashMap<>();
        final Map<Instant, Instant> stormClaims = new HashMap<>();

        @Override
        public boolean claimMessageAlert(String messageId, Instant claimedAt, Instant expiresAt) {
            return messageClaims.putIfAbsent(messageId, claimedAt) == null;
        }

        @Override
        public void releaseMessageAlert(String messageId, Instant claimedAt) {
            messageClaims.remove(messageId, claimedAt);
        }

        @Override
        public WindowCounts countDeadMessage(Instant windowStart, Instant windowEnd, String errorType,
                                             Instant expiresAt) {
            windows.computeIfAbsent(windowStart, w -> new HashMap<>()).merge(errorType, 1L, Long::sum);
            return counts(windowStart);
        }

        @Override
        public Optional<WindowCounts> claimStormAlert(Instant windowStart, Instant claimedAt) {
            return stormClaims.putIfAbsent(windowStart, claimedAt) == null ? Optional.of(counts(windowStart))
                    : Optional.empty();
        }

        @Override
        public void releaseStormAlert(Instant windowStart, Instant claimedAt) {
            stormClaims.remove(windowStart, claimedAt);
        }

        private WindowCounts counts(Instant windowStart) {
            Map<String, Long> byType = windows.getOrDefault(windowStart, Map.of());
            return new WindowCounts(byType.values().stream().mapToLong(Long::longValue).sum(), byType);
        }
    }

    static final class Publisher implements AlertPublisher {
        final List<Notification> sent = new ArrayList<>();
        int failNext;

        @Override
        public void publish(Notification notification) {
            if (failNext > 0) {
                failNext--;
                throw new AlertPublishException("throttled", null);
            }
            sent.add(notification);
        }
    }
}
