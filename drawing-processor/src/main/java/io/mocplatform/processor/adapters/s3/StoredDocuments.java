package io.mocplatform.processor.adapters.s3;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.Component;
import io.mocplatform.model.job.JobWarning;
import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.ProcessedPage;
import io.mocplatform.processor.domain.RenderedPage;
import io.mocplatform.processor.domain.TextLine;
import io.mocplatform.processor.domain.TokenUsage;

import java.util.List;
import java.util.Map;

/**
 * JSON shapes of the objects the processor writes to S3 (snake_case like every other wire format). Serde leaves
 * empty lists out of what it writes, so every list reads back as empty when absent: a page without a text layer
 * is stored as {@code {"page":3}}.
 */
final class StoredDocuments {

    private StoredDocuments() {
    }

    /**
     * {@code jobs/<job_id>/pages/page-NNNN.json}: the page's text lines with positions and the resolution of its
     * image (0 in pages written before it was recorded).
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record StoredPage(int page, List<StoredLine> lines, int renderedDpi) {

        static StoredPage of(RenderedPage rendered) {
            PageText text = rendered.text();
            return new StoredPage(text.pageNumber(), text.lines().stream().map(l -> new StoredLine(l.text(), l.x(),
                    l.y(), l.width(), l.height(), l.rotation())).toList(), rendered.dpi());
        }

        ProcessedPage toProcessedPage() {
            return new ProcessedPage(new PageText(page, orEmpty(lines).stream().map(l -> new TextLine(l.text(), l.x(),
                    l.y(), l.width(), l.height(), l.rotation())).toList()), renderedDpi);
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record StoredLine(String text, float x, float y, float width, float height, int rotation) {
    }

    /** One schedule row. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record StoredComponent(String tag, String type, List<Integer> pages, String description) {

        static StoredComponent of(Component component) {
            return new StoredComponent(component.tag(), component.type(), component.pages(), component.description());
        }

        Component toComponent() {
            return new Component(tag, type, pages, description);
        }
    }

    /** {@code jobs/<job_id>/analysis.json}: the analysis kept between the analysis and result stages. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record StoredAnalysis(String analyzer, long inputTokens, long outputTokens, double estimatedCostUsd,
                          List<StoredComponent> components, List<JobWarning> warnings) {

        static StoredAnalysis of(Analysis analysis) {
            return new StoredAnalysis(analysis.analyzer(), analysis.usage().inputTokens(),
                    analysis.usage().outputTokens(), analysis.usage().estimatedCostUsd(),
                    analysis.components().stream().map(StoredComponent::of).toList(), analysis.warnings());
        }

        Analysis toAnalysis() {
            return new Analysis(orEmpty(components).stream().map(StoredComponent::toComponent).toList(), analyzer,
                    new TokenUsage(inputTokens, outputTokens, estimatedCostUsd), orEmpty(warnings));
        }
    }

    /** {@code results/<job_id>/schedule.json}: what the client downloads. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Schedule(String jobId, String analyzer, int componentCount, Map<String, Integer> countsByType,
                    int unclassifiedCount, List<StoredComponent> components, List<JobWarning> warnings) {

        static Schedule of(String jobId, Analysis analysis) {
            return new Schedule(jobId, analysis.analyzer(), analysis.classifiedCount(), analysis.countsByType(),
                    analysis.unclassifiedCount(), analysis.components().stream().map(StoredComponent::of).toList(),
                    analysis.warnings());
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
