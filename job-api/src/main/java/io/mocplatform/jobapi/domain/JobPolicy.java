package io.mocplatform.jobapi.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits and lifetimes the job API enforces.
 *
 * @param maxUploadBytes largest drawing a client may declare
 * @param uploadUrlTtl   how long a presigned upload stays valid
 * @param downloadUrlTtl how long a presigned result download stays valid
 * @param idempotencyTtl how long an {@code Idempotency-Key} maps to its job
 */
public record JobPolicy(long maxUploadBytes, Duration uploadUrlTtl, Duration downloadUrlTtl, Duration idempotencyTtl) {

    public JobPolicy {
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException("max upload bytes must be positive");
        }
        Objects.requireNonNull(uploadUrlTtl, "upload url ttl");
        Objects.requireNonNull(downloadUrlTtl, "download url ttl");
        Objects.requireNonNull(idempotencyTtl, "idempotency ttl");
    }
}
