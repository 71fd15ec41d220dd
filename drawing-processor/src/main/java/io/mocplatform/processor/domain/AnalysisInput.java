package io.mocplatform.processor.domain;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What an analyser works from: the text layer of every page and, on demand, a page's rendered PNG (only the
 * model-based analyser looks at images, so they are not loaded unless asked for).
 *
 * @param deadline how long the analysis may still take, retries included, before the invocation must hand on;
 *                 read it after loading images, which takes time of its own
 */
public record AnalysisInput(String jobId, List<PageText> pages, IntFunction<byte[]> pageImage, Deadline deadline) {

    public AnalysisInput {
        pages = List.copyOf(pages);
        Objects.requireNonNull(deadline, "deadline");
    }
}
