package io.mocplatform.processor.adapters.offline;

import io.micronaut.context.annotation.Requires;
import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.AnalysisInput;
import io.mocplatform.processor.domain.Component;
import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.TextLine;
import io.mocplatform.processor.domain.TokenUsage;
import io.mocplatform.processor.domain.port.DrawingAnalyzer;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Finds device tags in the text layer without any network: the default analyser locally and in tests. Each tag
 * is counted once per drawing with every page it appears on; {@code CR101} and {@code CR-101} are the same
 * device and are reported as {@code CR-101}.
 */
@Singleton
@Requires(property = "processor.analyzer", value = OfflineDrawingAnalyzer.NAME, defaultValue = OfflineDrawingAnalyzer.NAME)
final class OfflineDrawingAnalyzer implements DrawingAnalyzer {

    static final String NAME = "offline";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Analysis analyze(AnalysisInput input) {
        DeviceCatalog catalog = DeviceCatalog.withLegend(LegendParser.parse(input.pages()));
        Map<String, Found> found = new TreeMap<>();
        for (PageText page : input.pages()) {
            for (TextLine line : page.lines()) {
                Matcher matcher = catalog.tagPattern().matcher(line.text());
                while (matcher.find()) {
                    String prefix = matcher.group(1);
                    String tag = prefix + "-" + matcher.group(2) + matcher.group(3);
                    found.computeIfAbsent(tag, t -> new Found(prefix)).pages.add(page.pageNumber());
                }
            }
        }
        var components = new ArrayList<Component>();
        found.forEach((tag, where) -> catalog.kind(where.prefix).ifPresent(kind ->
                components.add(new Component(tag, kind.type(), new ArrayList<>(where.pages), kind.description()))));
        return new Analysis(components, NAME, TokenUsage.none());
    }

    private static final class Found {
        private final String prefix;
        private final Set<Integer> pages = new TreeSet<>();

        Found(String prefix) {
            this.prefix = prefix;
        }
    }
}
