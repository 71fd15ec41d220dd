package io.mocplatform.jobapi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.mocplatform.function.config.Settings;
import io.mocplatform.model.PlatformNames;

import java.time.Duration;
import java.util.Map;

/**
 * The job API's settings ({@code job-api.*}); resource names come from the environment Terraform sets
 * ({@code JOBS_TABLE}, {@code DRAWINGS_BUCKET}, {@code JOBS_QUEUE_URL}, {@code APP_ENV}), see application.properties.
 * A missing or wrong value stops the function at start ({@link Settings}).
 *
 * @param environment      deployment environment, reported with metrics
 * @param jobsTable        the Jobs table
 * @param drawingsBucket   bucket of drawings and results
 * @param jobsQueueUrl     the drawing-jobs queue
 * @param maxUploadBytes   largest drawing a client may declare (default 50 MB), at least 1
 * @param uploadUrlTtl     validity of presigned uploads (1 h)
 * @param downloadUrlTtl   validity of presigned result downloads (1 h)
 * @param idempotencyTtl   how long an Idempotency-Key maps to its job (24 h)
 * @param pollAfter        the Retry-After hint while a job is queued or processing
 * @param retryAfter       the Retry-After hint when the queue is unavailable
 * @param defaultPageSize  jobs per page when the client gives no limit, 1 to 100
 * @param maxPageSize      largest limit a client may ask for, 1 to 1000
 */
@ConfigurationProperties("job-api")
public record JobApiConfiguration(
        String environment,
        String jobsTable,
        String drawingsBucket,
        String jobsQueueUrl,
        @Bindable(defaultValue = "52428800") long maxUploadBytes,
        @Bindable(defaultValue = "1h") Duration uploadUrlTtl,
        @Bindable(defaultValue = "1h") Duration downloadUrlTtl,
        @Bindable(defaultValue = "24h") Duration idempotencyTtl,
        @Bindable(defaultValue = "5s") Duration pollAfter,
        @Bindable(defaultValue = "5s") Duration retryAfter,
        @Bindable(defaultValue = "20") int defaultPageSize,
        @Bindable(defaultValue = "100") int maxPageSize) {

    private static final Map<String, String> VARIABLES = Map.of("environment", PlatformNames.APP_ENV,
            "jobs-table", PlatformNames.JOBS_TABLE, "drawings-bucket", PlatformNames.DRAWINGS_BUCKET,
            "jobs-queue-url", PlatformNames.JOBS_QUEUE_URL);

    public JobApiConfiguration {
        Settings.of("job-api", VARIABLES)
                .text("environment", environment)
                .text("jobs-table", jobsTable)
                .text("drawings-bucket", drawingsBucket)
                .text("jobs-queue-url", jobsQueueUrl)
                .atLeast("max-upload-bytes", maxUploadBytes, 1)
                .present("upload-url-ttl", uploadUrlTtl)
                .present("download-url-ttl", downloadUrlTtl)
                .present("idempotency-ttl", idempotencyTtl)
                .present("poll-after", pollAfter)
                .present("retry-after", retryAfter)
                .range("default-page-size", defaultPageSize, 1, 100)
                .range("max-page-size", maxPageSize, 1, 1000)
                .check();
    }
}
