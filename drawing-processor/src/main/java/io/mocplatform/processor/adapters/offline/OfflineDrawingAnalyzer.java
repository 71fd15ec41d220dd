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

/**
 * Finds device tags in the text layer without any network: the default analyser locally and in tests. The legends
 * of every sheet are read first ({@link LegendParser}), then every line is scanned for tags ({@link TagScanner}).
 * Each tag is counted once per drawing with every page it appears on. A tag whose code neither the defaults nor a
 * legend explain is kept as an {@code unclassified} row, so nothing on the drawing silently disappears.
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
        TagScanner scanner = new TagScanner(code -> catalog.kind(code).isPresent());
        forEachCell(input, (page, cell) -> scanner.learnReferences(cell));
        Map<String, Found> found = new TreeMap<>();
        forEachCell(input, (page, cell) -> scanner.scan(cell).forEach(tag ->
                found.computeIfAbsent(tag.tag(), t -> new Found(tag.code())).pages.add(page)));
        var components = new ArrayList<Component>();
        found.forEach((tag, where) -> components.add(catalog.kind(where.code)
                .map(kind -> new Component(tag, kind.type(), new ArrayList<>(where.pages), kind.description()))
                .orElseGet(() -> new Component(tag, Component.UNCLASSIFIED, new ArrayList<>(where.pages),
                        "code " + where.code + " is in no legend on the drawing and not a default code"))));
        return new Analysis(components, NAME, TokenUsage.none());
    }

    private static void forEachCell(AnalysisInput input, CellVisitor visitor) {
        for (PageText page : input.pages()) {
            for (TextLine line : page.lines()) {
                for (String cell : line.text().split("\t")) {
                    visitor.visit(page.pageNumber(), cell);
                }
            }
        }
    }

    @FunctionalInterface
    private interface CellVisitor {
        void visit(int page, String cell);
    }

    private static final class Found {
        private final String code;
        private final Set<Integer> pages = new TreeSet<>();

        Found(String code) {
            this.code = code;
        }
    }
}
