package io.mocplatform.model.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Objects;

/**
 * Why a job failed: a machine-readable {@code type} (e.g. {@code not_a_pdf}, {@code dead_lettered}), a message
 * for people, whether trying again may help, and the stage where it happened (absent before the pipeline ran).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobError(String type, String message, boolean retryable, JobStage stage) {

    public JobError {
        Objects.requireNonNull(type, "error type");
        Objects.requireNonNull(message, "error message");
    }
}
