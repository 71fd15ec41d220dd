package io.mocplatform.jobapi.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How instants look on the wire: ISO-8601 UTC with exactly three fraction digits, so they sort as text. */
final class Wire {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Wire() {
    }

    static String instant(Instant value) {
        return value == null ? null : INSTANT.format(value);
    }
}
