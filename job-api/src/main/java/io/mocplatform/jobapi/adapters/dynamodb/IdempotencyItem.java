package io.mocplatform.jobapi.adapters.dynamodb;

import io.mocplatform.jobapi.domain.port.IdempotencyRecord;
import io.mocplatform.jobstore.dynamodb.JobTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

import java.time.Instant;

/**
 * An idempotency claim stored in the Jobs table next to the jobs: key {@code job_id = idempotency#<sha256>}. It has
 * no {@code owner} attribute, so it never appears in OwnerIndex, and a {@code ttl} so DynamoDB deletes it after the
 * idempotency window (reads check {@code ttl} themselves, since TTL deletion lags).
 */
record IdempotencyItem(String pk, String targetJobId, String fingerprint, Instant createdAt, long ttl) {

    static final String KEY_PREFIX = "idempotency#";
    static final String TARGET_JOB_ID = "target_job_id";
    static final String FINGERPRINT = "request_fingerprint";

    static final TableSchema<IdempotencyItem> SCHEMA = StaticImmutableTableSchema
            .builder(IdempotencyItem.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name(JobTable.JOB_ID).getter(IdempotencyItem::pk).setter(Builder::pk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name(TARGET_JOB_ID).getter(IdempotencyItem::targetJobId)
                    .setter(Builder::targetJobId))
            .addAttribute(String.class, a -> a.name(FINGERPRINT).getter(IdempotencyItem::fingerprint)
                    .setter(Builder::fingerprint))
            .addAttribute(Instant.class, a -> a.name(JobTable.CREATED_AT).getter(IdempotencyItem::createdAt)
                    .setter(Builder::createdAt))
            .addAttribute(Long.class, a -> a.name(JobTable.TTL).getter(IdempotencyItem::ttl).setter(Builder::ttl))
            .build();

    static String keyOf(String claimId) {
        return KEY_PREFIX + claimId;
    }

    static IdempotencyItem from(IdempotencyRecord claim) {
        return new IdempotencyItem(keyOf(claim.id()), claim.jobId(), claim.fingerprint(), claim.createdAt(),
                claim.expiresAt().getEpochSecond());
    }

    IdempotencyRecord toRecord() {
        return new IdempotencyRecord(pk.substring(KEY_PREFIX.length()), targetJobId, fingerprint, createdAt,
                Instant.ofEpochSecond(ttl));
    }

    static final class Builder {
        private String pk;
        private String targetJobId;
        private String fingerprint;
        private Instant createdAt;
        private Long ttl;

        Builder pk(String value) { pk = value; return this; }
        Builder targetJobId(String value) { targetJobId = value; return this; }
        Builder fingerprint(String value) { fingerprint = value; return this; }
        Builder createdAt(Instant value) { createdAt = value; return this; }
        Builder ttl(Long value) { ttl = value; return this; }

        IdempotencyItem build() {
            return new IdempotencyItem(pk, targetJobId, fingerprint, createdAt, ttl == null ? 0 : ttl);
        }
    }
}
