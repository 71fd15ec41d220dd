package io.mocplatform.processor.domain;

import java.util.Objects;

/**
 * A processed page: its text layer and its rendered PNG image.
 *
 * @param text the text layer
 * @param png  the page image
 * @param dpi  the resolution the image was rendered at: the configured one, or less when the page is so large
 *             that the image would exceed the pixel limit
 */
public record RenderedPage(PageText text, byte[] png, int dpi) {

    public RenderedPage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(png, "png");
    }

    public int pageNumber() {
        return text.pageNumber();
    }

    /** What the later stages need to know about the page. */
    public ProcessedPage processed() {
        return new ProcessedPage(text, dpi);
    }
}
