package io.mocplatform.processor.domain;

import java.util.List;

/** The text layer of one page (1-based {@code pageNumber}); empty for an image-only page. */
public record PageText(int pageNumber, List<TextLine> lines) {

    public PageText {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("page numbers start at 1, got " + pageNumber);
        }
        lines = List.copyOf(lines);
    }
}
