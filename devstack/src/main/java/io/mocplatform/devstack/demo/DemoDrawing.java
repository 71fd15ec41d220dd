package io.mocplatform.devstack.demo;

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

    /** The devstack's own small two-page drawing. */
    public static DemoDrawing builtIn() {
        return new DemoDrawing(SampleFiles.drawingPdf(), Set.copyOf(SampleFiles.DEVICE_TAGS), "devstack sample");
    }
}
