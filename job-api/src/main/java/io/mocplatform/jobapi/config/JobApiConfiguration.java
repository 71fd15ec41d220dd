package io.mocplatform.jobapi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * The job API's settings ({@code job-api.*}); resource names come from the environment Terraform sets
 * ({@code JOBS_TABLE}, {@code DRAWINGS_BUCKET}, {@code JOBS_QUEUE_URL}, {@code APP_ENV}), see application.yml.
 *
 * @param environment      deployment environment, reported with metrics
 * @param jobsTable        the Jobs table
 * @param drawingsBucket   bucket of drawings and results
 * @param jobsQueueUrl     the drawing-jobs queue
 * @param maxUploadBytes   largest drawing a client may declare (default 50 MB)
 * @param uploadUrlTtl     validity of presigned uploads (1 h)
 * @param downloadUrlTtl   validity of presigned result downloads (1 h)
 * @param idempotencyTtl   how long an Idempotency-Key maps to its job (24 h)
 * @param pollAfter        the Retry-After hint while a job is queued or processing
 * @param retryAfter       the Retry-After hint when the queue is unavailable
 * @param defaultPageSize  jobs per page when the client gives no limit
 * @param maxPageSize      largest limit a client may ask for
 */
@ConfigurationProperties("job-api")
public record JobApiConfiguration(
        @NotBlank String environment,
        @NotBlank String jobsTable,
        @NotBlank String drawingsBucket,
        @NotBlank String jobsQueueUrl,
        @Bindable(defaultValue = "52428800") @Min(1) long maxUploadBytes,
        @Bindable(defaultValue = "1h") @NotNull Duration uploadUrlTtl,
        @Bindable(defaultValue = "1h") @NotNull Duration downloadUrlTtl,
        @Bindable(defaultValue = "24h") @NotNull Duration idempotencyTtl,
        @Bindable(defaultValue = "5s") @NotNull Duration pollAfter,
        @Bindable(defaultValue = "5s") @NotNull Duration retryAfter,
        @Bindable(defaultValue = "20") @Min(1) @Max(100) int defaultPageSize,
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int maxPageSize) {
}
