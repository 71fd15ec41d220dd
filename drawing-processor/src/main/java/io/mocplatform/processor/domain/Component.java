package io.mocplatform.processor.domain;

import java.util.List;
import java.util.Objects;

/**
 * One row of the component schedule: a device tag found once per drawing, with every page it appears on.
 *
 * @param tag         canonical tag, e.g. {@code CR-101}
 * @param type        component type, e.g. {@code card_reader}; {@link #UNCLASSIFIED} for a tag whose code
 *                    nothing on the drawing explains
 * @param pages       1-based pages in ascending order
 * @param description what the legend (or the default map) calls this kind of device
 */
public record Component(String tag, String type, List<Integer> pages, String description) {

    /** The type of a tag whose code is neither a default code nor defined by a legend on the drawing. */
    public static final String UNCLASSIFIED = "unclassified";

    public Component {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(type, "type");
        pages = List.copyOf(pages);
        description = description == null ? "" : description;
    }

    /** Whether the tag's code was explained by the defaults or a legend. */
    public boolean classified() {
        return !UNCLASSIFIED.equals(type);
    }
}
