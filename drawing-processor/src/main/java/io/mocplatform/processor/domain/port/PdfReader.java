package io.mocplatform.processor.domain.port;

import io.mocplatform.processor.domain.PageText;

import java.nio.file.Path;

/** Opens PDF files. */
public interface PdfReader {

    /**
     * Opens the file; throws {@link io.mocplatform.processor.domain.DrawingRejectedException} with
     * {@code not_a_pdf}, {@code encrypted_pdf} or {@code corrupt_pdf} when it cannot be worked on.
     */
    PdfDocument open(Path file);

    /** An open PDF; close it to release its memory. */
    interface PdfDocument extends AutoCloseable {

        int pageCount();

        /** The text layer of a 1-based page, with positions. */
        PageText text(int pageNumber);

        /** The page rendered as a PNG at the given resolution. */
        byte[] renderPng(int pageNumber, int dpi);

        @Override
        void close();
    }
}
