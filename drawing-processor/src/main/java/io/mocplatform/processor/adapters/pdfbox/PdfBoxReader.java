package io.mocplatform.processor.adapters.pdfbox;

import io.mocplatform.processor.domain.DrawingRejectedException;
import io.mocplatform.processor.domain.FailureType;
import io.mocplatform.processor.domain.PageImage;
import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.port.PdfReader;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Apache PDFBox behind the {@link PdfReader} port. Whatever PDFBox throws while parsing, extracting or rendering
 * the file (an {@code IOException}, an {@code IllegalStateException} for a cyclic page tree, a stack overflow on
 * absurd nesting) is the file's fault: it becomes a permanent {@code corrupt_pdf} with our own message, so a
 * hostile file fails in one attempt instead of three. The exception itself goes to the log.
 */
@Singleton
class PdfBoxReader implements PdfReader {

    private static final Logger LOG = LoggerFactory.getLogger(PdfBoxReader.class);

    /** The PDF specification lets the header start anywhere in the first 1024 bytes. */
    private static final int HEADER_WINDOW = 1024;

    @Override
    public PdfDocument open(Path file) {
        requirePdfHeader(file);
        PDDocument document;
        try {
            // Scratch files instead of heap for large documents: the processor renders pages one at a time.
            document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new DrawingRejectedException(FailureType.ENCRYPTED_PDF, "the PDF needs a password to open", e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw corrupt("the PDF cannot be parsed", e);
        }
        if (document.isEncrypted()) {
            close(document);
            throw new DrawingRejectedException(FailureType.ENCRYPTED_PDF, "the PDF is encrypted");
        }
        return new PdfBoxDocument(document);
    }

    private static void requirePdfHeader(Path file) {
        byte[] head = new byte[HEADER_WINDOW];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String start = new String(head, 0, read, StandardCharsets.ISO_8859_1);
        if (!start.contains("%PDF-")) {
            throw new DrawingRejectedException(FailureType.NOT_A_PDF, "the file does not start like a PDF");
        }
    }

    /** Runs a PDFBox call; anything it throws is the file's fault. */
    private static <T> T fromFile(String whatFails, PdfBoxCall<T> call) {
        try {
            return call.run();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw corrupt(whatFails, e);
        }
    }

    private static DrawingRejectedException corrupt(String message, Throwable cause) {
        LOG.warn("{}: {}", message, cause.toString());
        return new DrawingRejectedException(FailureType.CORRUPT_PDF, message,
                cause instanceof StackOverflowError ? null : cause);
    }

    /**
     * The scale (pixels per point) for rendering a page of {@code widthPt x heightPt} at {@code dpi} with at most
     * {@code maxPixels} pixels.
     */
    static float scale(float widthPt, float heightPt, int dpi, long maxPixels) {
        float requested = dpi / 72f;
        double area = Math.max(1.0, (double) widthPt * heightPt);
        double fitting = Math.sqrt(maxPixels / area);
        return (float) Math.min(requested, fitting);
    }

    @FunctionalInterface
    private interface PdfBoxCall<T> {
        T run() throws IOException;
    }

    private static void close(PDDocument document) {
        try {
            document.close();
        } catch (IOException ignored) {
            // Only releases memory and scratch files; nothing to act on.
        }
    }

    private static final class PdfBoxDocument implements PdfDocument {
        private final PDDocument document;
        private final PDFRenderer renderer;

        PdfBoxDocument(PDDocument document) {
            this.document = document;
            this.renderer = new PDFRenderer(document);
        }

        @Override
        public int pageCount() {
            return fromFile("the PDF's page tree cannot be read", document::getNumberOfPages);
        }

        @Override
        public PageText text(int pageNumber) {
            return fromFile("page " + pageNumber + " cannot be read", () -> {
                // The text stripper walks the page tree leniently and would read a cyclic one; looking the page up
                // by its index, as rendering does, fails on it, whether or not the page is rendered.
                document.getPage(pageNumber - 1);
                return new PageText(pageNumber, PositionalTextStripper.lines(document, pageNumber));
            });
        }

        @Override
        public PageImage renderPng(int pageNumber, int dpi, long maxPixels) {
            return fromFile("page " + pageNumber + " cannot be rendered", () -> {
                // PDFRenderer sizes the image from the crop box, turned by the page's rotation; the pixel
                // count does not depend on the turn, so the crop box alone gives the scale.
                PDPage page = document.getPage(pageNumber - 1);
                PDRectangle box = page.getCropBox();
                float scale = scale(box.getWidth(), box.getHeight(), dpi, maxPixels);
                BufferedImage image = renderer.renderImage(pageNumber - 1, scale, ImageType.GRAY);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                int renderedDpi = scale < dpi / 72f ? (int) Math.floor(scale * 72f) : dpi;
                return new PageImage(png.toByteArray(), renderedDpi);
            });
        }

        @Override
        public void close() {
            PdfBoxReader.close(document);
        }
    }
}
