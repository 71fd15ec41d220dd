package io.mocplatform.model.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Summary of a completed analysis: how many components of which type, where the schedule lies in S3 and what it
 * cost. The schedule itself (one row per device tag) is in the JSON and CSV objects.
 *
 * @param componentCount   distinct device tags found whose type is known
 * @param countsByType     those tags per component type, e.g. {@code card_reader -> 3}
 * @param scheduleJsonKey  S3 key of the schedule as JSON
 * @param scheduleCsvKey   S3 key of the schedule as CSV
 * @param analyzer         which analyser produced it ({@code offline} or {@code gemini})
 * @param inputTokens      model input tokens used (0 for the offline analyser)
 * @param outputTokens     model output tokens used
 * @param estimatedCostUsd estimated model cost in US dollars
 * @param unclassifiedCount tags found whose code no legend or default explains (schedule rows of type
 *                         {@code unclassified}), not part of {@code componentCount}
 * @param warnings         what the client should know about the result (pages without text, scaled-down images);
 *                         empty when there is nothing to say
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobResult(int componentCount, Map<String, Integer> countsByType, String scheduleJsonKey,
                        String scheduleCsvKey, String analyzer, long inputTokens, long outputTokens,
                        double estimatedCostUsd, int unclassifiedCount, List<JobWarning> warnings) {

    public JobResult {
        countsByType = Map.copyOf(Objects.requireNonNull(countsByType, "counts by type"));
        Objects.requireNonNull(analyzer, "analyzer");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A result without unclassified tags or warnings. */
    public JobResult(int componentCount, Map<String, Integer> countsByType, String scheduleJsonKey,
                     String scheduleCsvKey, String analyzer, long inputTokens, long outputTokens,
                     double estimatedCostUsd) {
        this(componentCount, countsByType, scheduleJsonKey, scheduleCsvKey, analyzer, inputTokens, outputTokens,
                estimatedCostUsd, 0, List.of());
    }
}
