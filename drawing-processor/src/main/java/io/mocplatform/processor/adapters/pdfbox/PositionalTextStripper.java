package io.mocplatform.processor.adapters.pdfbox;

import io.mocplatform.processor.domain.TextLine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Text lines with positions. PDFBox sorts glyphs per text direction in direction-adjusted coordinates, so rotated
 * labels (common on drawings) come out as readable lines. A gap wider than a few characters is kept as a tab:
 * that is how the columns of a legend table stay apart.
 */
final class PositionalTextStripper extends PDFTextStripper {

    /** Gap, in multiples of the average glyph width, above which words are treated as separate columns. */
    private static final float COLUMN_GAP = 2.5f;

    private final List<TextLine> lines = new ArrayList<>();
    private final List<TextPosition> current = new ArrayList<>();

    private PositionalTextStripper() {
        setSortByPosition(true);
    }

    static List<TextLine> lines(PDDocument document, int pageNumber) throws IOException {
        PositionalTextStripper stripper = new PositionalTextStripper();
        stripper.setStartPage(pageNumber);
        stripper.setEndPage(pageNumber);
        stripper.writeText(document, new StringWriter());
        stripper.flushLine();
        return stripper.lines;
    }

    @Override
    protected void writeString(String ignored, List<TextPosition> glyphs) {
        current.addAll(glyphs);
    }

    @Override
    protected void writeLineSeparator() {
        flushLine();
    }

    private void flushLine() {
        if (current.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        TextPosition previous = null;
        float widthSum = 0;
        int counted = 0;
        for (TextPosition glyph : current) {
            widthSum += glyph.getWidthDirAdj();
            counted++;
            if (previous != null) {
                float averageWidth = widthSum / counted;
                float gap = glyph.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
                if (gap > COLUMN_GAP * averageWidth) {
                    text.append('\t');
                } else if (gap > 0.3f * averageWidth && !text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                }
            }
            text.append(glyph.getUnicode());
            previous = glyph;
        }
        TextPosition first = current.get(0);
        TextPosition last = current.get(current.size() - 1);
        float width = last.getXDirAdj() + last.getWidthDirAdj() - first.getXDirAdj();
        String line = text.toString().replaceAll(" *\t *", "\t").strip();
        if (!line.isEmpty()) {
            lines.add(new TextLine(line, first.getXDirAdj(), first.getYDirAdj(), width, first.getHeightDir(),
                    Math.round(first.getDir())));
        }
        current.clear();
    }
}
