package io.mocplatform.processor.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * The processor's settings ({@code processor.*}); application.yml fills the resource names from the environment
 * variables Terraform sets.
 *
 * @param jobsTable      Jobs table name ({@code JOBS_TABLE})
 * @param drawingsBucket bucket with drawings, pages and results ({@code DRAWINGS_BUCKET})
 * @param jobsQueueUrl   drawing-jobs queue, for continuations and visibility changes ({@code JOBS_QUEUE_URL})
 * @param analyzer       {@code offline} or {@code gemini} ({@code ANALYZER})
 * @param maxPages       more pages fail the job with {@code too_many_pages}
 * @param maxBytes       a larger drawing fails the job with {@code too_large}
 * @param dpi            resolution of the page images
 * @param maxPagePixels  largest page image in pixels; bigger pages are rendered at a lower resolution (40 million
 *                       holds an A0 sheet at 150 DPI, 35 million pixels, and is 40 MB as a grey raster)
 * @param leaseDuration  how long a delivery owns a job; above the function timeout (900 s)
 * @param safetyMargin   when less time than this remains, progress is saved and the rest handed on
 * @param backoffBase    delay after the first failed receive, doubled for each further one
 * @param backoffCap     longest backoff delay
 * @param pageReaders    threads reading pages in parallel; 0 (default) means one per available processor (a 3 GB
 *                       function has 2 vCPUs)
 */
@ConfigurationProperties("processor")
public record ProcessorConfiguration(
        @NotBlank String jobsTable,
        @NotBlank String drawingsBucket,
        @NotBlank String jobsQueueUrl,
        @NotBlank @Pattern(regexp = "offline|gemini") @Bindable(defaultValue = "offline") String analyzer,
        @Min(1) @Max(2000) @Bindable(defaultValue = "200") int maxPages,
        @Min(1) @Bindable(defaultValue = "104857600") long maxBytes,
        @Min(36) @Max(600) @Bindable(defaultValue = "150") int dpi,
        @Min(10_000) @Max(200_000_000) @Bindable(defaultValue = "40000000") long maxPagePixels,
        @NotNull @Bindable(defaultValue = "16m") Duration leaseDuration,
        @NotNull @Bindable(defaultValue = "60s") Duration safetyMargin,
        @NotNull @Bindable(defaultValue = "30s") Duration backoffBase,
        @NotNull @Bindable(defaultValue = "15m") Duration backoffCap,
        @Min(0) @Max(16) @Bindable(defaultValue = "0") int pageReaders) {
}
