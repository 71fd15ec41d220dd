package io.mocplatform.processor.sample;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.util.Matrix;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Security-layout drawings made with PDFBox, for tests, the benchmark and the devstack demo. A drawing has a
 * title block and a legend on page 1 (a legend table plus a definition line that overrides a default prefix),
 * floor plans with device tags on the other pages (some rotated, some without hyphen, one repeated across
 * pages, and look-alikes that are not tags), and, from three pages on, an image-only page 3 (a scanned sheet
 * with no text layer). Also: an encrypted PDF, a corrupt one and a file that is not a PDF.
 */
public final class SampleDrawings {

    /** The page that carries only an image, when the drawing has at least three pages. */
    public static final int IMAGE_ONLY_PAGE = 3;

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private SampleDrawings() {
    }

    /** A generated drawing and the schedule an analyser should find on it. */
    public record SampleDrawing(byte[] pdf, int pages, Map<String, Expected> expected) {
    }

    /** What is expected for one tag: its type and the pages it is on. */
    public record Expected(String type, List<Integer> pages) {
    }

    /** A drawing of {@code pages} pages (1 to 999). */
    public static SampleDrawing drawing(int pages) {
        if (pages < 1 || pages > 999) {
            throw new IllegalArgumentException("pages must be 1..999, got " + pages);
        }
        Map<String, TreeSet<Integer>> where = new TreeMap<>();
        Map<String, String> types = new TreeMap<>();
        try (PDDocument document = new PDDocument()) {
            for (int page = 1; page <= pages; page++) {
                PDPage pdPage = new PDPage(new PDRectangle(PDRectangle.A3.getHeight(), PDRectangle.A3.getWidth()));
                document.addPage(pdPage);
                if (page == IMAGE_ONLY_PAGE) {
                    scannedSheet(document, pdPage, page);
                    continue;
                }
                try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
                    titleBlock(content, page, pages);
                    List<Tag> tags = page == 1 ? coverTags() : floorTags(page);
                    if (page == 1) {
                        legend(content);
                    }
                    floorPlan(content, page, tags);
                    for (Tag tag : tags) {
                        where.computeIfAbsent(tag.canonical, t -> new TreeSet<>()).add(page);
                        types.put(tag.canonical, tag.type);
                    }
                }
            }
            Map<String, Expected> expected = new TreeMap<>();
            where.forEach((tag, onPages) -> expected.put(tag, new Expected(types.get(tag), List.copyOf(onPages))));
            return new SampleDrawing(save(document), pages, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page drawing that needs a password to open. */
    public static byte[] encrypted() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                text(content, REGULAR, 12, 72, 700, "CR-1 behind a password");
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts like a PDF, but the body is noise: no objects, no cross-reference table. */
    public static byte[] corrupt() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[header.length + noise.length];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(noise, 0, bytes, header.length, noise.length);
        return bytes;
    }

    /** A PNG image uploaded by mistake. */
    public static byte[] notAPdf() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Tag(String written, String canonical, String type, boolean rotated) {
        static Tag of(String written, String canonical, String type) {
            return new Tag(written, canonical, type, false);
        }

        static Tag rotated(String written, String canonical, String type) {
            return new Tag(written, canonical, type, true);
        }
    }

    private static List<Tag> coverTags() {
        return List.of(Tag.of("CR-101", "CR-101", "card_reader"), Tag.of("DC-101", "DC-101", "door_contact"),
                Tag.of("EM-101", "EM-101", "electric_strike"));
    }

    private static List<Tag> floorTags(int page) {
        int base = page * 10;
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.of("CR-" + (base + 1), "CR-" + (base + 1), "card_reader"));
        tags.add(Tag.of("DC-" + (base + 1), "DC-" + (base + 1), "door_contact"));
        tags.add(Tag.of("REX-" + (base + 1), "REX-" + (base + 1), "request_to_exit"));
        tags.add(Tag.of("CAM" + (base + 2), "CAM-" + (base + 2), "camera"));
        tags.add(Tag.of("PIR-" + (base + 3), "PIR-" + (base + 3), "motion_detector"));
        tags.add(Tag.of("MOT-" + (base + 4), "MOT-" + (base + 4), "motion_sensor"));
        tags.add(Tag.rotated("DC-" + (base + 5) + "A", "DC-" + (base + 5) + "A", "door_contact"));
        if (page == 2) {
            tags.add(Tag.of("CR101", "CR-101", "card_reader"));
            tags.add(Tag.rotated("BG-7", "BG-7", "break_glass"));
        }
        return tags;
    }

    private static void titleBlock(PDPageContentStream content, int page, int pages) throws IOException {
        content.addRect(20, 20, 1150, 800);
        content.addRect(870, 20, 300, 90);
        content.stroke();
        text(content, BOLD, 14, 880, 90, "GROUND FLOOR SECURITY LAYOUT");
        text(content, REGULAR, 9, 880, 70, "DWG SEC-100  SCALE 1:100");
        text(content, REGULAR, 9, 880, 55, "SHEET " + page + " OF " + pages);
        text(content, REGULAR, 8, 880, 40, "DISCR-12 REV C (not a device)");
    }

    private static void legend(PDPageContentStream content) throws IOException {
        float top = 780;
        text(content, BOLD, 11, 900, top, "LEGEND");
        String[][] rows = {{"CR", "Card Reader"}, {"DC", "Door Contact"}, {"REX", "Request to Exit"},
                {"MOT", "Motion Sensor"}};
        for (int i = 0; i < rows.length; i++) {
            float y = top - 18 * (i + 1);
            text(content, REGULAR, 9, 900, y, rows[i][0]);
            text(content, REGULAR, 9, 960, y, rows[i][1]);
        }
        text(content, REGULAR, 9, 900, top - 18 * (rows.length + 2), "NOTE: ALL DEVICES TO BE LABELLED");
        text(content, REGULAR, 9, 900, top - 18 * (rows.length + 3), "EM = Electric Strike");
    }

    private static void floorPlan(PDPageContentStream content, int page, List<Tag> tags) throws IOException {
        // Rooms as rectangles, one tag cluster per room, as a drawing tool would place them.
        for (int i = 0; i < tags.size(); i++) {
            float x = 60 + (i % 4) * 200;
            float y = 560 - (i / 4) * 220;
            content.addRect(x, y, 180, 200);
            content.stroke();
            Tag tag = tags.get(i);
            if (tag.rotated) {
                content.beginText();
                content.setFont(REGULAR, 10);
                content.setTextMatrix(Matrix.getRotateInstance(Math.PI / 2, x + 170, y + 40));
                content.showText(tag.written);
                content.endText();
            } else {
                text(content, REGULAR, 10, x + 10, y + 180, tag.written);
            }
            text(content, REGULAR, 7, x + 10, y + 10, "ROOM " + page + "." + (i + 1));
        }
    }

    private static void scannedSheet(PDDocument document, PDPage page, int number) throws IOException {
        BufferedImage scan = new BufferedImage(1100, 760, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, scan.getWidth(), scan.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(3));
        for (int i = 0; i < 5; i++) {
            g.drawRect(40 + i * 200, 60 + (i % 2) * 40, 180, 300);
        }
        g.drawString("SCANNED SHEET " + number, 40, 700);
        g.dispose();
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(LosslessFactory.createFromImage(document, scan), 40, 40, 1100, 760);
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

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
