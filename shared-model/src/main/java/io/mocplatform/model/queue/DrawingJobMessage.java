package io.mocplatform.model.queue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.mocplatform.model.job.JobStage;

import java.time.Instant;

/**
 * Body of a message on the drawing-jobs queue. Versioned by {@code schema}; readers accept unknown fields so a
 * newer writer does not break an older reader, and reject a message that lacks a required field with an
 * {@link InvalidMessageException} naming it.
 *
 * @param schema        wire version, currently {@value #CURRENT_SCHEMA}
 * @param jobId         the job to process
 * @param drawingKey    S3 key of the drawing
 * @param owner         the job's owner
 * @param correlationId ties the job's logs and traces together
 * @param requestedAt   when the client asked for processing
 * @param resumeFrom    for a continuation: the stage to resume at (the job row's checkpoint still decides)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrawingJobMessage(Integer schema, String jobId, String drawingKey, String owner,
                                String correlationId, Instant requestedAt, JobStage resumeFrom) {

    /** The schema version this code writes. */
    public static final int CURRENT_SCHEMA = 1;

    public DrawingJobMessage {
        require(schema, "schema");
        require(jobId, "job_id");
        require(drawingKey, "drawing_key");
        require(owner, "owner");
        require(requestedAt, "requested_at");
        if (schema < 1) {
            throw new InvalidMessageException("field 'schema' must be >= 1, got " + schema);
        }
    }

    /** A message for a newly queued job, in the current schema. */
    public static DrawingJobMessage of(String jobId, String drawingKey, String owner, String correlationId,
                                       Instant requestedAt) {
        return new DrawingJobMessage(CURRENT_SCHEMA, jobId, drawingKey, owner, correlationId, requestedAt, null);
    }

    /** The same job handed on to resume at the given stage. */
    public DrawingJobMessage resumingFrom(JobStage stage) {
        return new DrawingJobMessage(CURRENT_SCHEMA, jobId, drawingKey, owner, correlationId, requestedAt, stage);
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidMessageException("required field '" + field + "' is missing");
        }
    }
}
