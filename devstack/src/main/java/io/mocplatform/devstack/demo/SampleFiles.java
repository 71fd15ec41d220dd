package io.mocplatform.devstack.demo;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The files the demo (and the load benchmark) upload, made on the spot: a small PNG and a two-page security drawing
 * with a legend.
 */
public final class SampleFiles {

    /** Device tags placed on the drawing; the offline analyser should find each of them. */
    static final List<String> DEVICE_TAGS = List.of("CAM-01", "CAM-02", "DC-01", "PIR-01", "CR-01", "CAM-03");

    private SampleFiles() {
    }

    /** A 64x48 PNG. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xD0, 0x10, 0x12));
            g.fillRect(0, 0, 64, 48);
            g.setColor(Color.WHITE);
            for (int x = 8; x < 64; x += 16) {
                g.fillOval(x - 5, 6, 10, 10);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] drawingPdf() {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            page(document, bold, font, "Ground floor - security layout", List.of(
                    "LEGEND",
                    "CAM - CCTV camera",
                    "DC - Door contact",
                    "PIR - Motion detector",
                    "CR - Card reader"),
                    DEVICE_TAGS.subList(0, 3));
            page(document, bold, font, "First floor - security layout", List.of(), DEVICE_TAGS.subList(3, 6));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(PDDocument document, PDType1Font bold, PDType1Font font, String title,
                             List<String> legend, List<String> tags) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            text(content, bold, 16, 50, 790, title);
            float y = 740;
            for (String tag : tags) {
                content.addRect(90, y - 4, 12, 12);
                content.stroke();
                text(content, font, 11, 110, y, tag);
                y -= 60;
            }
            float legendY = 200;
            for (String line : legend) {
                text(content, line.equals("LEGEND") ? bold : font, 10, 380, legendY, line);
                legendY -= 14;
            }
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y,
                             String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
