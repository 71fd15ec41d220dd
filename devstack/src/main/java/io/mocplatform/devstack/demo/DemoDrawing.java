package io.mocplatform.devstack.demo;

import io.mocplatform.fixtures.SampleDrawings;

import java.util.Set;

/**
 * The drawing the demo submits and the device tags the analyser should find on it.
 *
 * @param pdf          the PDF
 * @param expectedTags tags on the drawing
 * @param source       where it came from, for the summary
 */
public record DemoDrawing(byte[] pdf, Set<String> expectedTags, String source) {

    public DemoDrawing {
        expectedTags = Set.copyOf(expectedTags);
    }

    /** The four-page sample drawing of the test fixtures (legend, rotated tags, a scanned page). */
    public static DemoDrawing sample() {
        SampleDrawings.SampleDrawing drawing = SampleDrawings.drawing(4);
        return new DemoDrawing(drawing.pdf(), drawing.expected().keySet(), "SampleDrawings.drawing(4)");
    }
}
