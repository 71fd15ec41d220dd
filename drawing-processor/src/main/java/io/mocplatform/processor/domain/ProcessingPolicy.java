package io.mocplatform.processor.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timings of the pipeline.
 *
 * @param maxPages      more pages than this is {@code too_many_pages}
 * @param maxBytes      a larger object is {@code too_large}
 * @param dpi           resolution of the rendered page images
 * @param maxPagePixels largest page image; a page that would be larger at {@code dpi} is rendered at the
 *                      resolution that fits (a 598-byte PDF can declare a page of several metres)
 * @param leaseDuration how long a delivery owns a job before another may take over; longer than the function's
 *                      timeout, so a live delivery never loses its lease
 * @param pageReaders   threads reading pages (text and images) ahead of the stores, each with its own copy of
 *                      the document: the function's vCPUs
 */
public record ProcessingPolicy(int maxPages, long maxBytes, int dpi, long maxPagePixels, Duration leaseDuration,
                               int pageReaders) {

    public ProcessingPolicy {
        if (maxPages < 1 || maxBytes < 1 || dpi < 1 || maxPagePixels < 1 || pageReaders < 1) {
            throw new IllegalArgumentException(
                    "max pages, max bytes, dpi, max page pixels and page readers must be positive");
        }
        Objects.requireNonNull(leaseDuration, "lease duration");
    }
}
