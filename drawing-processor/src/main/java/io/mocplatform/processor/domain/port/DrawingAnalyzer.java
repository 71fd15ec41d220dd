package io.mocplatform.processor.domain.port;

import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.AnalysisInput;

/** Finds the security devices on a drawing. */
public interface DrawingAnalyzer {

    /** Recorded in the job's result: {@code offline} or {@code gemini}. */
    String name();

    /** May throw {@link io.mocplatform.processor.domain.RetryableException} (rate limits, outages). */
    Analysis analyze(AnalysisInput input);
}
