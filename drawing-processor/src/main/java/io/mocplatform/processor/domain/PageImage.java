package io.mocplatform.processor.domain;

import java.util.Objects;

/**
 * A rendered page.
 *
 * @param png the image
 * @param dpi the resolution it was rendered at (at most the requested one)
 */
public record PageImage(byte[] png, int dpi) {

    public PageImage {
        Objects.requireNonNull(png, "png");
    }
}
