package io.mocplatform.processor.domain;

import java.util.Locale;

/** Why a drawing is refused for good: retrying the same object cannot succeed, so no retry is spent on it. */
public enum FailureType {
    NOT_A_PDF, ENCRYPTED_PDF, TOO_MANY_PAGES, TOO_LARGE, DRAWING_MISSING, CORRUPT_PDF;

    /** The {@code error.type} written to the job row. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
