package io.mocplatform.processor.corpus;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.fixtures.drawings.CorpusDrawing;
import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.AnalysisInput;
import io.mocplatform.processor.domain.Deadline;
import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.port.DrawingAnalyzer;
import io.mocplatform.processor.domain.port.PdfReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The processor's own PDF reader and offline analyser, taken from an application context configured as the
 * function is (no AWS call is made: neither bean needs a client), applied to corpus drawings; another analyser
 * (Gemini against a fake) can be given instead.
 */
public final class CorpusRun implements AutoCloseable {

    /** Resolution of the page images handed to an analyser that asks for them (enough for a fake). */
    private static final int IMAGE_DPI = 36;


    private final ApplicationContext context;
    private final PdfReader reader;
    private final DrawingAnalyzer analyzer;

    public CorpusRun() {
        context = ApplicationContext.builder().properties(Map.of(
                "processor.jobs-table", "Jobs-corpus",
                "processor.drawings-bucket", "drawings-corpus",
                "processor.jobs-queue-url", "http://localhost/queue/corpus",
                "processor.analyzer", "offline",
                "tracing.enabled", false)).start();
        reader = context.getBean(PdfReader.class);
        analyzer = context.getBean(DrawingAnalyzer.class);
    }

    /** The offline analysis of the drawing's text layer, as the pipeline would produce it. */
    Analysis analyze(CorpusDrawing drawing) {
        return analyze(drawing, analyzer);
    }

    /** The analysis by {@code analyzer} of the drawing's text and, when it asks, page images. */
    public Analysis analyze(CorpusDrawing drawing, DrawingAnalyzer analyzer) {
        try {
            Path file = Files.createTempFile("corpus-", ".pdf");
            try {
                Files.write(file, drawing.pdf());
                try (PdfReader.PdfDocument pdf = reader.open(file)) {
                    List<PageText> pages = new ArrayList<>();
                    for (int page = 1; page <= pdf.pageCount(); page++) {
                        pages.add(pdf.text(page));
                    }
                    return analyzer.analyze(new AnalysisInput(drawing.name(), pages,
                            page -> pdf.renderPng(page, IMAGE_DPI, Long.MAX_VALUE).png(), Deadline.none()));
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
