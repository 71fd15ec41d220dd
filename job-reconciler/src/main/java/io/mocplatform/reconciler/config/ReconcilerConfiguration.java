package io.mocplatform.reconciler.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.mocplatform.function.config.Settings;
import io.mocplatform.model.PlatformNames;

import java.time.Duration;
import java.util.Map;

/**
 * The reconciler's settings ({@code reconciler.*}); names and the threshold come from the environment Terraform
 * sets ({@code APP_ENV}, {@code JOBS_TABLE}, {@code JOBS_QUEUE_URL}, {@code STALE_JOB_AFTER}), see
 * application.properties. A missing or wrong value stops the function at start ({@link Settings}).
 *
 * @param environment  deployment environment, logged with each run
 * @param jobsTable    the Jobs table
 * @param jobsQueueUrl the drawing-jobs queue
 * @param staleAfter   see {@link io.mocplatform.reconciler.domain.ReconcilePolicy#staleAfter()}
 * @param maxPerRun    see {@link io.mocplatform.reconciler.domain.ReconcilePolicy#maxPerRun()}; 1 to 5000
 */
@ConfigurationProperties("reconciler")
public record ReconcilerConfiguration(
        String environment,
        String jobsTable,
        String jobsQueueUrl,
        Duration staleAfter,
        @Bindable(defaultValue = "200") int maxPerRun) {

    private static final Map<String, String> VARIABLES = Map.of("environment", PlatformNames.APP_ENV,
            "jobs-table", PlatformNames.JOBS_TABLE, "jobs-queue-url", PlatformNames.JOBS_QUEUE_URL,
            "stale-after", PlatformNames.STALE_JOB_AFTER);

    public ReconcilerConfiguration {
        Settings.of("reconciler", VARIABLES)
                .text("environment", environment)
                .text("jobs-table", jobsTable)
                .text("jobs-queue-url", jobsQueueUrl)
                .present("stale-after", staleAfter)
                .range("max-per-run", maxPerRun, 1, 5000)
                .check();
    }
}
