package io.mocplatform.processor.domain;

import java.util.Objects;

/**
 * One line of the page's text layer in reading order of its own direction. Wide gaps between words (table
 * columns) are kept as a tab, so a legend table row reads {@code "CR\tCard Reader"}.
 *
 * @param text     the characters
 * @param x        left edge in PDF points, page origin top-left
 * @param y        baseline in PDF points from the top
 * @param width    extent along the text direction
 * @param height   font height
 * @param rotation text direction in degrees (0, 90, 180, 270)
 */
public record TextLine(String text, float x, float y, float width, float height, int rotation) {

    public TextLine {
        Objects.requireNonNull(text, "text");
    }
}
