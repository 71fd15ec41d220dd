package io.mocplatform.processor.domain;

import io.mocplatform.model.job.JobWarning;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an analyser found: the schedule rows (sorted by tag), the analyser's name, its token usage, and what the
 * client should be warned about (pages without a text layer, scaled-down page images).
 */
public record Analysis(List<Component> components, String analyzer, TokenUsage usage, List<JobWarning> warnings) {

    public Analysis {
        Objects.requireNonNull(analyzer, "analyzer");
        components = components.stream().sorted(Comparator.comparing(Component::tag)).toList();
        usage = usage == null ? TokenUsage.none() : usage;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** An analyser's findings, before the pipeline adds its warnings. */
    public Analysis(List<Component> components, String analyzer, TokenUsage usage) {
        this(components, analyzer, usage, List.of());
    }

    /** The same findings with these warnings. */
    public Analysis withWarnings(List<JobWarning> pageWarnings) {
        return new Analysis(components, analyzer, usage, pageWarnings);
    }

    /** Classified tags per component type, e.g. {@code card_reader -> 3}, in type order. */
    public Map<String, Integer> countsByType() {
        Map<String, Integer> counts = new TreeMap<>();
        components.stream().filter(Component::classified).forEach(c -> counts.merge(c.type(), 1, Integer::sum));
        return counts;
    }

    /** Tags whose type is known. */
    public int classifiedCount() {
        return (int) components.stream().filter(Component::classified).count();
    }

    /** Tags kept as {@code unclassified} rows: their code is in no legend and not a default code. */
    public int unclassifiedCount() {
        return components.size() - classifiedCount();
    }
}
