package io.mocplatform.processor.domain;

import java.util.List;
import java.util.function.IntFunction;

/**
 * What an analyser works from: the text layer of every page and, on demand, a page's rendered PNG (only the
 * model-based analyser looks at images, so they are not loaded unless asked for).
 */
public record AnalysisInput(String jobId, List<PageText> pages, IntFunction<byte[]> pageImage) {

    public AnalysisInput {
        pages = List.copyOf(pages);
    }
}
