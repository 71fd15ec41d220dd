package io.mocplatform.jobapi.domain;

import io.mocplatform.jobapi.domain.port.DrawingStore;
import io.mocplatform.jobapi.domain.port.IdempotencyRecord;
import io.mocplatform.jobapi.domain.port.JobQueue;
import io.mocplatform.jobapi.domain.port.JobRepository;
import io.mocplatform.jobapi.domain.port.PresignedUpload;
import io.mocplatform.jobapi.domain.port.QueueUnavailableException;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.queue.DrawingJobMessage;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** Small in-memory stand-ins for the ports, with the same conditional-write rules as the real adapters. */
final class InMemoryPorts {

    private InMemoryPorts() {
    }

    static final class Jobs implements JobRepository {
        final Map<String, Job> rows = new ConcurrentHashMap<>();
        final Map<String, IdempotencyRecord> claims = new ConcurrentHashMap<>();
        private final Clock clock;
        /** Runs before each conditional write, with the job's id, to simulate a concurrent writer. */
        Consumer<String> beforeWrite = jobId -> { };

        Jobs(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Optional<Job> find(String jobId) {
            return Optional.ofNullable(rows.get(jobId));
        }

        @Override
        public synchronized Job create(Job job) {
            if (rows.containsKey(job.jobId())) {
                throw new IllegalStateException("exists");
            }
            Job stored = job.toBuilder().version(1L).build();
            rows.put(job.jobId(), stored);
            return stored;
        }

        @Override
        public synchronized Optional<IdempotencyRecord> createClaimed(Job job, IdempotencyRecord claim) {
            IdempotencyRecord existing = claims.get(claim.id());
            if (existing != null && existing.isLiveAt(clock.instant())) {
                return Optional.of(existing);
            }
            claims.put(claim.id(), claim);
            create(job);
            return Optional.empty();
        }

        @Override
        public Optional<IdempotencyRecord> findClaim(String id) {
            return Optional.ofNullable(claims.get(id));
        }

        @Override
        public JobWrite cancel(String jobId, String owner, Instant now) {
            return write(jobId, row -> row.owner().equals(owner) && row.status().isInFlight(),
                    row -> row.toBuilder().status(JobStatus.CANCELLED).updatedAt(now));
        }

        @Override
        public JobWrite requeue(String jobId, String owner, Instant now) {
            return write(jobId, row -> row.owner().equals(owner) && row.status() == JobStatus.FAILED,
                    row -> row.toBuilder().status(JobStatus.QUEUED).error(null).updatedAt(now));
        }

        @Override
        public JobWrite markUnsent(String jobId, JobError error, Instant now) {
            return write(jobId, row -> row.status() == JobStatus.QUEUED,
                    row -> row.toBuilder().status(JobStatus.FAILED).error(error).updatedAt(now));
        }

        /** The store's rule: the change is applied only while the condition holds on the row as it is then. */
        private synchronized JobWrite write(String jobId, Predicate<Job> condition, Function<Job, Job.Builder> change) {
            beforeWrite.accept(jobId);
            Job current = rows.get(jobId);
            if (current == null || !condition.test(current)) {
                return new JobWrite.Refused(Optional.ofNullable(current));
            }
            Job stored = change.apply(current).build();
            rows.put(jobId, stored);
            return new JobWrite.Applied(stored);
        }

        @Override
        public Page listByOwner(String owner, JobStatus status, int limit, Map<String, String> startKey) {
            List<Job> mine = rows.values().stream().filter(j -> j.owner().equals(owner))
                    .filter(j -> status == null || j.status() == status)
                    .sorted(Comparator.comparing(Job::createdAt).reversed()).limit(limit).toList();
            return new Page(mine, Map.of());
        }
    }

    static final class Drawings implements DrawingStore {
        final Set<String> keys = new HashSet<>();

        @Override
        public boolean exists(String key) {
            return keys.contains(key);
        }

        @Override
        public PresignedUpload presignUpload(String key, String contentType, long sizeBytes, Duration validity) {
            return new PresignedUpload("PUT", URI.create("https://bucket.test/" + key),
                    Map.of("content-type", contentType, "content-length", Long.toString(sizeBytes)),
                    java.time.Instant.EPOCH.plus(validity));
        }

        @Override
        public URI presignDownload(String key, Duration validity) {
            return URI.create("https://bucket.test/" + key + "?expires=" + validity.toSeconds());
        }
    }

    static final class Queue implements JobQueue {
        final List<DrawingJobMessage> sent = new ArrayList<>();
        boolean unavailable;
        /** Runs before each send, e.g. to check what is stored at that moment. */
        Consumer<DrawingJobMessage> onSend = message -> { };

        @Override
        public void enqueue(DrawingJobMessage message) {
            onSend.accept(message);
            if (unavailable) {
                throw new QueueUnavailableException("queue down", null);
            }
            sent.add(message);
        }
    }
}
