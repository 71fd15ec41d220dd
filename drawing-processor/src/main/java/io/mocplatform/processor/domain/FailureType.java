package io.mocplatform.processor.domain;

import java.util.Locale;

/**
 * Why a job fails for good: retrying the same drawing cannot succeed, so no retry is spent on it. All but
 * {@link #GEMINI_REJECTED} are the drawing's fault; that one is the model refusing the request (400, 404).
 */
public enum FailureType {
    NOT_A_PDF, ENCRYPTED_PDF, TOO_MANY_PAGES, TOO_LARGE, DRAWING_MISSING, CORRUPT_PDF, GEMINI_REJECTED;

    /** The {@code error.type} written to the job row. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
