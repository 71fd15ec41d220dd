package io.mocplatform.processor.domain.port;

import io.mocplatform.processor.domain.PageImage;
import io.mocplatform.processor.domain.PageText;

import java.nio.file.Path;

/** Opens PDF files. */
public interface PdfReader {

    /**
     * Opens the file; throws {@link io.mocplatform.processor.domain.DrawingRejectedException} with
     * {@code not_a_pdf}, {@code encrypted_pdf} or {@code corrupt_pdf} when it cannot be worked on. Every method of
     * the document fails the same way: whatever goes wrong while parsing or rendering the file is the file's fault.
     */
    PdfDocument open(Path file);

    /** An open PDF; close it to release its memory. */
    interface PdfDocument extends AutoCloseable {

        int pageCount();

        /** The text layer of a 1-based page, with positions. */
        PageText text(int pageNumber);

        /**
         * The page rendered as a PNG at {@code dpi}, or at the highest resolution at which the image has at most
         * {@code maxPixels} pixels.
         */
        PageImage renderPng(int pageNumber, int dpi, long maxPixels);

        @Override
        void close();
    }
}
