package io.mocplatform.processor.adapters.pdfbox;

import io.mocplatform.processor.domain.DrawingRejectedException;
import io.mocplatform.processor.domain.FailureType;
import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.port.PdfReader;
import jakarta.inject.Singleton;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
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

/** Apache PDFBox behind the {@link PdfReader} port. */
@Singleton
class PdfBoxReader implements PdfReader {

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
        } catch (IOException e) {
            throw new DrawingRejectedException(FailureType.CORRUPT_PDF, "the PDF cannot be parsed: "
                    + e.getMessage(), e);
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
            return document.getNumberOfPages();
        }

        @Override
        public PageText text(int pageNumber) {
            try {
                return new PageText(pageNumber, PositionalTextStripper.lines(document, pageNumber));
            } catch (IOException e) {
                throw new DrawingRejectedException(FailureType.CORRUPT_PDF, "page " + pageNumber
                        + " cannot be read: " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] renderPng(int pageNumber, int dpi) {
            try {
                BufferedImage image = renderer.renderImageWithDPI(pageNumber - 1, dpi, ImageType.GRAY);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                return png.toByteArray();
            } catch (IOException e) {
                throw new DrawingRejectedException(FailureType.CORRUPT_PDF, "page " + pageNumber
                        + " cannot be rendered: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            PdfBoxReader.close(document);
        }
    }
}
