package io.mocplatform.processor.domain;

import java.util.Objects;

/** A processed page: its text layer and its rendered PNG image. */
public record RenderedPage(PageText text, byte[] png) {

    public RenderedPage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(png, "png");
    }

    public int pageNumber() {
        return text.pageNumber();
    }
}
