package io.mocplatform.jobapi.domain.port;

import java.time.Instant;
import java.util.Objects;

/**
 * Claims an idempotency key for one job.
 *
 * @param id          SHA-256 of {@code owner|key}
 * @param jobId       the job the key resolved to
 * @param fingerprint what the first request asked for, to spot the key reused with another body
 * @param createdAt   when the key was first used
 * @param expiresAt   when the key may be used for a new job again
 */
public record IdempotencyRecord(String id, String jobId, String fingerprint, Instant createdAt, Instant expiresAt) {

    public IdempotencyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "job id");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(expiresAt, "expires at");
    }

    /** Whether the claim still holds at {@code now}. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
