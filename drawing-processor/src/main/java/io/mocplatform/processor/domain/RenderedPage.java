package io.mocplatform.processor.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A processed page: its text layer and, when the analyser looks at it, its rendered PNG image.
 *
 * @param text the text layer
 * @param png  the page image, {@code null} when the page was not rendered
 * @param dpi  the resolution the image was rendered at: the configured one, or less when the page is so large
 *             that the image would exceed the pixel limit; 0 when the page was not rendered
 */
public record RenderedPage(PageText text, byte[] png, int dpi) {

    public RenderedPage {
        Objects.requireNonNull(text, "text");
        if (png == null && dpi != 0) {
            throw new IllegalArgumentException("a page without an image has no resolution");
        }
    }

    /** A page whose image nobody reads. */
    public static RenderedPage textOnly(PageText text) {
        return new RenderedPage(text, null, 0);
    }

    public int pageNumber() {
        return text.pageNumber();
    }

    public Optional<byte[]> image() {
        return Optional.ofNullable(png);
    }

    /** What the later stages need to know about the page. */
    public ProcessedPage processed() {
        return new ProcessedPage(text, dpi);
    }
}
