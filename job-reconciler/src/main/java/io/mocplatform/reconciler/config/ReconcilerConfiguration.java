package io.mocplatform.reconciler.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * The reconciler's settings ({@code reconciler.*}); names and the threshold come from the environment Terraform
 * sets ({@code APP_ENV}, {@code JOBS_TABLE}, {@code JOBS_QUEUE_URL}, {@code STALE_JOB_AFTER}), see application.yml.
 *
 * @param environment  deployment environment, logged with each run
 * @param jobsTable    the Jobs table
 * @param jobsQueueUrl the drawing-jobs queue
 * @param staleAfter   see {@link io.mocplatform.reconciler.domain.ReconcilePolicy#staleAfter()}
 * @param maxPerRun    see {@link io.mocplatform.reconciler.domain.ReconcilePolicy#maxPerRun()}
 */
@ConfigurationProperties("reconciler")
public record ReconcilerConfiguration(
        @NotBlank String environment,
        @NotBlank String jobsTable,
        @NotBlank String jobsQueueUrl,
        @NotNull Duration staleAfter,
        @Bindable(defaultValue = "200") @Min(1) @Max(5000) int maxPerRun) {
}
