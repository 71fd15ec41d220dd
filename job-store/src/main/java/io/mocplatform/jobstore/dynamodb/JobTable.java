package io.mocplatform.jobstore.dynamodb;

import io.mocplatform.model.PlatformNames;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobProgress;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.job.JobWarning;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.mocplatform.jobstore.dynamodb.Attributes.bool;
import static io.mocplatform.jobstore.dynamodb.Attributes.doubleValue;
import static io.mocplatform.jobstore.dynamodb.Attributes.longValue;
import static io.mocplatform.jobstore.dynamodb.Attributes.n;
import static io.mocplatform.jobstore.dynamodb.Attributes.s;
import static io.mocplatform.jobstore.dynamodb.Attributes.string;

/**
 * The Jobs table: key {@code job_id}, {@code OwnerIndex} on {@code owner} + {@code created_at},
 * {@code StatusIndex} on {@code status} + {@code updated_at}, TTL on {@code ttl}. Attribute names are snake_case like the API. The schema is built once and shared.
 */
public final class JobTable {

    public static final String JOB_ID = "job_id";
    public static final String OWNER = "owner";
    public static final String STATUS = "status";
    public static final String DRAWING_ID = "drawing_id";
    public static final String DRAWING_KEY = "drawing_key";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";
    public static final String STARTED_AT = "started_at";
    public static final String STAGES_COMPLETED = "stages_completed";
    public static final String CURRENT_STAGE = "current_stage";
    public static final String LAST_CHECKPOINT = "last_checkpoint";
    public static final String PROGRESS = "progress";
    public static final String ATTEMPTS = "attempts";
    public static final String RESULT = "result";
    public static final String ERROR = "error";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String IDEMPOTENCY_KEY = "idempotency_key";
    public static final String REQUEST_FINGERPRINT = "request_fingerprint";
    public static final String LEASE_OWNER = "lease_owner";
    public static final String LEASE_EXPIRES_AT = "lease_expires_at";
    public static final String ALERTED_AT = "alerted_at";
    public static final String ALERT_SENT_AT = "alert_sent_at";
    public static final String TTL = "ttl";
    public static final String VERSION = "version";

    private JobTable() {
    }

    /** The key of a job's row. */
    static Map<String, AttributeValue> key(String jobId) {
        return Map.of(JOB_ID, AttributeValue.fromS(jobId));
    }

    /** A status as stored: its wire name. */
    static AttributeValue status(JobStatus status) {
        return AttributeValue.fromS(status.wireName());
    }

    /** An instant as stored: fixed-width text, so conditions compare it in time order. */
    static AttributeValue time(Instant instant) {
        return SortableInstantConverter.INSTANCE.transformFrom(instant);
    }

    /** Text as stored. */
    static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    /** A stage as stored: its wire name. */
    static AttributeValue stage(JobStage stage) {
        return AttributeValue.fromS(stage.wireName());
    }

    /** Stages as stored: a list of wire names. */
    static AttributeValue stages(List<JobStage> stages) {
        return AttributeValue.fromL(stages.stream().map(JobTable::stage).toList());
    }

    /** Progress as stored: a map. */
    static AttributeValue progress(JobProgress progress) {
        return PROGRESS_CONVERTER.transformFrom(progress);
    }

    /** A result as stored: a map. */
    static AttributeValue result(JobResult result) {
        return RESULT_CONVERTER.transformFrom(result);
    }

    /** An error as stored: a map. */
    static AttributeValue error(JobError error) {
        return ERROR_CONVERTER.transformFrom(error);
    }

    /** How the table is created locally; Terraform declares the same in AWS. */
    public static TableDefinition definition(String tableName) {
        return TableDefinition.builder(tableName)
                .hashKey(JOB_ID)
                .globalIndex(PlatformNames.JOBS_BY_OWNER_INDEX, OWNER, CREATED_AT)
                .globalIndex(PlatformNames.JOBS_BY_STATUS_INDEX, STATUS, UPDATED_AT)
                .ttlAttribute(TTL)
                .build();
    }

    private static TableSchema<Job> buildSchema() {
        var stage = new WireNameConverter<>(JobStage.class, JobStage::wireName, JobStage::fromWireName);
        var status = new WireNameConverter<>(JobStatus.class, JobStatus::wireName, JobStatus::fromWireName);
        return StaticImmutableTableSchema.builder(Job.class, Job.Builder.class)
                .newItemBuilder(Job::builder, Job.Builder::build)
                .attributeConverterProviders(SortableInstantConverter.providers())
                .addAttribute(String.class, a -> a.name(JOB_ID).getter(Job::jobId).setter(Job.Builder::jobId)
                        .tags(StaticAttributeTags.primaryPartitionKey()))
                .addAttribute(String.class, a -> a.name(OWNER).getter(Job::owner).setter(Job.Builder::owner)
                        .tags(StaticAttributeTags.secondaryPartitionKey(PlatformNames.JOBS_BY_OWNER_INDEX)))
                .addAttribute(JobStatus.class, a -> a.name(STATUS).getter(Job::status).setter(Job.Builder::status)
                        .attributeConverter(status)
                        .tags(StaticAttributeTags.secondaryPartitionKey(PlatformNames.JOBS_BY_STATUS_INDEX)))
                .addAttribute(String.class, a -> a.name(DRAWING_ID).getter(Job::drawingId).setter(Job.Builder::drawingId))
                .addAttribute(String.class, a -> a.name(DRAWING_KEY).getter(Job::drawingKey).setter(Job.Builder::drawingKey))
                .addAttribute(Instant.class, a -> a.name(CREATED_AT).getter(Job::createdAt).setter(Job.Builder::createdAt)
                        .tags(StaticAttributeTags.secondarySortKey(PlatformNames.JOBS_BY_OWNER_INDEX)))
                .addAttribute(Instant.class, a -> a.name(UPDATED_AT).getter(Job::updatedAt).setter(Job.Builder::updatedAt)
                        .tags(StaticAttributeTags.secondarySortKey(PlatformNames.JOBS_BY_STATUS_INDEX)))
                .addAttribute(Instant.class, a -> a.name(STARTED_AT).getter(Job::startedAt).setter(Job.Builder::startedAt))
                .addAttribute(EnhancedType.listOf(String.class), a -> a.name(STAGES_COMPLETED)
                        .getter(j -> j.stagesCompleted().stream().map(JobStage::wireName).toList())
                        .setter((b, v) -> b.stagesCompleted(v == null ? List.of()
                                : v.stream().map(JobStage::fromWireName).toList())))
                .addAttribute(JobStage.class, a -> a.name(CURRENT_STAGE).getter(Job::currentStage)
                        .setter(Job.Builder::currentStage).attributeConverter(stage))
                .addAttribute(Instant.class, a -> a.name(LAST_CHECKPOINT).getter(Job::lastCheckpoint)
                        .setter(Job.Builder::lastCheckpoint))
                .addAttribute(JobProgress.class, a -> a.name(PROGRESS).getter(Job::progress).setter(Job.Builder::progress)
                        .attributeConverter(PROGRESS_CONVERTER))
                .addAttribute(Integer.class, a -> a.name(ATTEMPTS).getter(Job::attempts)
                        .setter((b, v) -> b.attempts(v)))
                .addAttribute(JobResult.class, a -> a.name(RESULT).getter(Job::result).setter(Job.Builder::result)
                        .attributeConverter(RESULT_CONVERTER))
                .addAttribute(JobError.class, a -> a.name(ERROR).getter(Job::error).setter(Job.Builder::error)
                        .attributeConverter(ERROR_CONVERTER))
                .addAttribute(String.class, a -> a.name(CORRELATION_ID).getter(Job::correlationId)
                        .setter(Job.Builder::correlationId))
                .addAttribute(String.class, a -> a.name(IDEMPOTENCY_KEY).getter(Job::idempotencyKey)
                        .setter(Job.Builder::idempotencyKey))
                .addAttribute(String.class, a -> a.name(REQUEST_FINGERPRINT).getter(Job::requestFingerprint)
                        .setter(Job.Builder::requestFingerprint))
                .addAttribute(String.class, a -> a.name(LEASE_OWNER).getter(Job::leaseOwner).setter(Job.Builder::leaseOwner))
                .addAttribute(Instant.class, a -> a.name(LEASE_EXPIRES_AT).getter(Job::leaseExpiresAt)
                        .setter(Job.Builder::leaseExpiresAt))
                .addAttribute(Instant.class, a -> a.name(ALERTED_AT).getter(Job::alertedAt).setter(Job.Builder::alertedAt))
                .addAttribute(Instant.class, a -> a.name(ALERT_SENT_AT).getter(Job::alertSentAt)
                        .setter(Job.Builder::alertSentAt))
                .addAttribute(Long.class, a -> a.name(TTL).getter(Job::ttl).setter(Job.Builder::ttl))
                .addAttribute(Long.class, a -> a.name(VERSION).getter(Job::version).setter(Job.Builder::version)
                        .tags(VersionedRecordExtension.AttributeTags.versionAttribute()))
                .build();
    }

    private static final MapConverter<JobProgress> PROGRESS_CONVERTER = new MapConverter<>(JobProgress.class,
            p -> Map.of("pages_done", n(p.pagesDone()), "pages_total", n(p.pagesTotal())),
            m -> new JobProgress((int) longValue(m, "pages_done"), (int) longValue(m, "pages_total")));

    private static final MapConverter<JobError> ERROR_CONVERTER = new MapConverter<>(JobError.class,
            e -> {
                Map<String, AttributeValue> map = new HashMap<>();
                map.put("type", s(e.type()));
                map.put("message", s(e.message()));
                map.put("retryable", bool(e.retryable()));
                if (e.stage() != null) {
                    map.put("stage", s(e.stage().wireName()));
                }
                return map;
            },
            m -> new JobError(string(m, "type"), string(m, "message"), bool(m, "retryable"),
                    string(m, "stage") == null ? null : JobStage.fromWireName(string(m, "stage"))));

    private static final MapConverter<JobResult> RESULT_CONVERTER = new MapConverter<>(JobResult.class,
            r -> {
                Map<String, AttributeValue> map = new HashMap<>();
                map.put("component_count", n(r.componentCount()));
                map.put("counts_by_type", AttributeValue.fromM(r.countsByType().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> n(e.getValue())))));
                map.put("schedule_json_key", s(r.scheduleJsonKey()));
                map.put("schedule_csv_key", s(r.scheduleCsvKey()));
                map.put("analyzer", s(r.analyzer()));
                map.put("input_tokens", n(r.inputTokens()));
                map.put("output_tokens", n(r.outputTokens()));
                map.put("estimated_cost_usd", n(r.estimatedCostUsd()));
                map.put("unclassified_count", n(r.unclassifiedCount()));
                if (!r.warnings().isEmpty()) {
                    map.put("warnings", AttributeValue.fromL(r.warnings().stream().map(JobTable::warning).toList()));
                }
                return map;
            },
            m -> new JobResult((int) longValue(m, "component_count"),
                    m.getOrDefault("counts_by_type", AttributeValue.fromM(Map.of())).m().entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> Integer.parseInt(e.getValue().n()))),
                    string(m, "schedule_json_key"), string(m, "schedule_csv_key"), string(m, "analyzer"),
                    longValue(m, "input_tokens"), longValue(m, "output_tokens"), doubleValue(m, "estimated_cost_usd"),
                    (int) longValue(m, "unclassified_count"),
                    m.containsKey("warnings") ? m.get("warnings").l().stream().map(w -> warning(w.m())).toList()
                            : List.of()));

    private static AttributeValue warning(JobWarning warning) {
        return AttributeValue.fromM(Map.of("type", s(warning.type()), "message", s(warning.message()),
                "pages", AttributeValue.fromL(warning.pages().stream().map(p -> n(p)).toList())));
    }

    private static JobWarning warning(Map<String, AttributeValue> map) {
        return new JobWarning(string(map, "type"), string(map, "message"),
                map.getOrDefault("pages", AttributeValue.fromL(List.of())).l().stream()
                        .map(p -> Integer.parseInt(p.n())).toList());
    }

    /** The table schema. The one whole-item write through it, job-api's create, is conditional on the row not
     * existing, and the versioned-record extension starts the change counter {@code version} at 1. Declared
     * last because it uses the converters above during class initialisation. */
    public static final TableSchema<Job> SCHEMA = buildSchema();
}
