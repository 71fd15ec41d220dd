package io.mocplatform.processor.domain.port;

import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.ProcessedPage;
import io.mocplatform.processor.domain.RenderedPage;

import java.util.Optional;

/**
 * The job's working files: page images and text under {@code jobs/<job_id>/pages/}, and the analysis between
 * the analysis and result stages. A redelivered job picks its work up from here.
 */
public interface PageStore {

    void savePage(String jobId, RenderedPage page);

    /** The page's text and the resolution of its stored image. */
    ProcessedPage loadPage(String jobId, int pageNumber);

    byte[] loadImage(String jobId, int pageNumber);

    void saveAnalysis(String jobId, Analysis analysis);

    Optional<Analysis> loadAnalysis(String jobId);
}
