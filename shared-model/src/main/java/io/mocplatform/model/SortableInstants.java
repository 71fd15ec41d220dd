package io.mocplatform.model;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as fixed-width UTC text with milliseconds ({@code 2026-11-23T10:00:00.000Z}). Sort keys and condition
 * expressions compare such text: {@link Instant#toString()} drops zero fractions, so {@code …:00Z} would sort after
 * {@code …:00.001Z}. Fixed width keeps text order equal to time order.
 */
public final class SortableInstants {

    private SortableInstants() {
    }

    /** The fixed-width text of an instant, truncated to milliseconds. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS))
                .replaceFirst("(:\\d{2})Z$", "$1.000Z");
    }
}
