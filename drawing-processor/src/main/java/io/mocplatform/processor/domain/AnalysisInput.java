package io.mocplatform.processor.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What an analyser works from: the text layer of every page and, on demand, a page's rendered PNG (only the
 * model-based analyser looks at images, so they are not loaded unless asked for).
 *
 * @param timeBudget how long the analysis may take, retries included, before the invocation must hand on
 */
public record AnalysisInput(String jobId, List<PageText> pages, IntFunction<byte[]> pageImage, Duration timeBudget) {

    public AnalysisInput {
        pages = List.copyOf(pages);
        Objects.requireNonNull(timeBudget, "time budget");
    }
}
