package io.mocplatform.processor.domain;

import io.mocplatform.model.job.JobStage;

import java.time.Duration;
import java.util.Map;

/**
 * What one delivery did, for metrics and logs.
 *
 * @param outcome         how it ended
 * @param stageDurations  stages finished in this delivery and how long each took
 * @param pagesProcessed  pages extracted and rendered in this delivery
 * @param usage           model tokens spent in this delivery
 */
public record ProcessingReport(Outcome outcome, Map<JobStage, Duration> stageDurations, int pagesProcessed,
                               TokenUsage usage) {

    public ProcessingReport {
        stageDurations = Map.copyOf(stageDurations);
    }

    static ProcessingReport of(Outcome outcome) {
        return new ProcessingReport(outcome, Map.of(), 0, TokenUsage.none());
    }
}
