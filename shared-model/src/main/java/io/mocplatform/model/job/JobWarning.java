package io.mocplatform.model.job;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.Objects;

/**
 * Something the client should know about a completed job's result, e.g. {@code no_text_layer} (pages without a
 * text layer, such as scans, that the offline analyser could not read) or {@code page_image_scaled_down} (pages
 * rendered below the configured resolution to keep the image within the pixel limit).
 *
 * @param type    machine-readable kind
 * @param message for people
 * @param pages   1-based pages concerned, ascending; their number is the warning's count
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record JobWarning(String type, String message, List<Integer> pages) {

    public JobWarning {
        Objects.requireNonNull(type, "warning type");
        Objects.requireNonNull(message, "warning message");
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** How many pages the warning concerns. */
    public int count() {
        return pages.size();
    }
}
