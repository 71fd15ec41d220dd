package io.mocplatform.processor.domain;

import java.util.Objects;

/**
 * A page as the pipeline keeps it between stages: its text layer and the resolution its image was rendered at.
 *
 * @param text        the text layer (no lines for a scanned or blank page)
 * @param renderedDpi resolution of the stored page image; 0 when the page was not rendered
 */
public record ProcessedPage(PageText text, int renderedDpi) {

    public ProcessedPage {
        Objects.requireNonNull(text, "text");
    }

    public int pageNumber() {
        return text.pageNumber();
    }
}
