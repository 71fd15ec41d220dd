package io.mocplatform.processor.domain.port;

import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.AnalysisInput;

import java.time.Duration;

/** Finds the security devices on a drawing. */
public interface DrawingAnalyzer {

    /** Recorded in the job's result: {@code offline} or {@code gemini}. */
    String name();

    /**
     * May throw {@link io.mocplatform.processor.domain.RetryableException} (rate limits, outages), or
     * {@link io.mocplatform.processor.domain.NoTimeLeftException} when the input's deadline leaves too little time.
     */
    Analysis analyze(AnalysisInput input);

    /** How many pages, from the first, the analyser looks at as images; only those are rendered. */
    default int imagePages() {
        return 0;
    }

    /**
     * The shortest time left on the {@link AnalysisInput#deadline()} the analyser can work with; with less left, the pipeline hands
     * the job on to a fresh invocation instead of starting an analysis that cannot finish.
     */
    default Duration minimumTime() {
        return Duration.ZERO;
    }
}
