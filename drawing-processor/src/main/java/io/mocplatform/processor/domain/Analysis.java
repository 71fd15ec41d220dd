package io.mocplatform.processor.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What an analyser found: the schedule rows (sorted by tag), the analyser's name and its token usage. */
public record Analysis(List<Component> components, String analyzer, TokenUsage usage) {

    public Analysis {
        Objects.requireNonNull(analyzer, "analyzer");
        components = components.stream().sorted(Comparator.comparing(Component::tag)).toList();
        usage = usage == null ? TokenUsage.none() : usage;
    }

    /** Tags per component type, e.g. {@code card_reader -> 3}, in type order. */
    public Map<String, Integer> countsByType() {
        Map<String, Integer> counts = new TreeMap<>();
        components.forEach(c -> counts.merge(c.type(), 1, Integer::sum));
        return counts;
    }
}
