package io.mocplatform.processor.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.mocplatform.function.config.Settings;
import io.mocplatform.model.PlatformNames;

import java.time.Duration;
import java.util.Map;

/**
 * The processor's settings ({@code processor.*}); application.properties fills the resource names from the
 * environment variables Terraform sets. A missing or wrong value stops the function at start ({@link Settings}).
 *
 * @param jobsTable      Jobs table name ({@code JOBS_TABLE})
 * @param drawingsBucket bucket with drawings, pages and results ({@code DRAWINGS_BUCKET})
 * @param jobsQueueUrl   drawing-jobs queue, for continuations and visibility changes ({@code JOBS_QUEUE_URL})
 * @param analyzer       {@code offline} or {@code gemini} ({@code ANALYZER})
 * @param maxPages       more pages fail the job with {@code too_many_pages}; 1 to 2000
 * @param maxBytes       a larger drawing fails the job with {@code too_large}; at least 1
 * @param dpi            resolution of the page images, 36 to 600
 * @param maxPagePixels  largest page image in pixels; bigger pages are rendered at a lower resolution (40 million
 *                       holds an A0 sheet at 150 DPI, 35 million pixels, and is 40 MB as a grey raster); 10 thousand
 *                       to 200 million
 * @param leaseDuration  how long a delivery owns a job; above the function timeout (900 s)
 * @param safetyMargin   when less time than this remains, progress is saved and the rest handed on
 * @param backoffBase    delay after the first failed receive, doubled for each further one
 * @param backoffCap     longest backoff delay
 * @param pageReaders    threads reading pages in parallel, 0 to 16; 0 (default) means one per available processor
 *                       (a 3 GB function has 2 vCPUs)
 */
@ConfigurationProperties("processor")
public record ProcessorConfiguration(
        String jobsTable,
        String drawingsBucket,
        String jobsQueueUrl,
        @Bindable(defaultValue = "offline") String analyzer,
        @Bindable(defaultValue = "200") int maxPages,
        @Bindable(defaultValue = "104857600") long maxBytes,
        @Bindable(defaultValue = "150") int dpi,
        @Bindable(defaultValue = "40000000") long maxPagePixels,
        @Bindable(defaultValue = "16m") Duration leaseDuration,
        @Bindable(defaultValue = "60s") Duration safetyMargin,
        @Bindable(defaultValue = "30s") Duration backoffBase,
        @Bindable(defaultValue = "15m") Duration backoffCap,
        @Bindable(defaultValue = "0") int pageReaders) {

    private static final Map<String, String> VARIABLES = Map.of("jobs-table", PlatformNames.JOBS_TABLE,
            "drawings-bucket", PlatformNames.DRAWINGS_BUCKET, "jobs-queue-url", PlatformNames.JOBS_QUEUE_URL,
            "analyzer", PlatformNames.ANALYZER);

    public ProcessorConfiguration {
        Settings.of("processor", VARIABLES)
                .text("jobs-table", jobsTable)
                .text("drawings-bucket", drawingsBucket)
                .text("jobs-queue-url", jobsQueueUrl)
                .oneOf("analyzer", analyzer, "offline", "gemini")
                .range("max-pages", maxPages, 1, 2000)
                .atLeast("max-bytes", maxBytes, 1)
                .range("dpi", dpi, 36, 600)
                .range("max-page-pixels", maxPagePixels, 10_000, 200_000_000)
                .present("lease-duration", leaseDuration)
                .present("safety-margin", safetyMargin)
                .present("backoff-base", backoffBase)
                .present("backoff-cap", backoffCap)
                .range("page-readers", pageReaders, 0, 16)
                .check();
    }
}
